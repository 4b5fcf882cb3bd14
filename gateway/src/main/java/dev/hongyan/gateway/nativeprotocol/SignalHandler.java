package dev.hongyan.gateway.nativeprotocol;

/**
 * Handles one signal. The dispatcher has already checked access and bound the body to {@code B}
 * (validation runs in the record's constructor); a handler applies the rule in core and replies
 * through the context, now or later. Throwing a CoreException answers the request with that error.
 */
public interface SignalHandler<B> {

    SignalSpec<B> spec();

    void handle(SignalContext context, B body);
}
