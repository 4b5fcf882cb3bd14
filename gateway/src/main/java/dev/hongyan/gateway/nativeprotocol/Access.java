package dev.hongyan.gateway.nativeprotocol;

/** Who may send a signal. Checked by the dispatcher before the body is even read. */
public enum Access {
    /** Before registering (only client::register). */
    ANONYMOUS,
    /** Any registered client; scope rules (room member, session party, device owner) come on top. */
    CLIENT,
    /** Registered clients of an admin account. */
    ADMIN,
    /** Only the server sends it; a client sending it gets NOT_ALLOWED. */
    SERVER_ONLY
}
