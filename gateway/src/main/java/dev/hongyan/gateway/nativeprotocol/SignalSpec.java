package dev.hongyan.gateway.nativeprotocol;

/**
 * What a handler declares about its signal. The protocol reference ({@code docs/protocol.md}) is
 * generated from these, so the documentation cannot drift from the code.
 *
 * @param signal the signal name, e.g. {@code room::enter}
 * @param bodyType the record the body is bound to and validated as
 * @param access who may send it
 * @param summary one sentence on what it does
 * @param body the request body, in the spec's annotated notation
 * @param reply the reply or pushed body, or empty when there is none
 * @param flow the spec's flow notation ({@code ->}, {@code =>}, {@code -)}, {@code +)})
 * @param notes rules the server enforces, errors it gives
 */
public record SignalSpec<B>(String signal, Class<B> bodyType, Access access, String summary, String body, String reply,
        String flow, String notes) {}
