package dev.hongyan.media.stun;

/**
 * The bytes are not a well-formed STUN message. The only exception {@link StunMessage#parse} throws:
 * malformed input from the network is expected, so callers must decide what to do with it.
 */
public final class StunParseException extends Exception {
    public StunParseException(String message) {
        super(message, null, false, false); // no stack trace: thrown per bad datagram, cheap on purpose
    }
}
