package dev.hongyan.core.session;

/** Where a P2P call is in its life. It only ever moves forward. */
public enum SessionState {
    /** The callee has been told; nothing has come back from it yet. */
    CALLING,
    /** The callee has taken part in the negotiation (its first session::exchange). */
    ACTIVE,
    /** Hung up, timed out, or a party went offline. Terminal. */
    CLOSED
}
