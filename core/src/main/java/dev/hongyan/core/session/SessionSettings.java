package dev.hongyan.core.session;

/**
 * @param callTimeoutMillis a call the callee has not taken part in (no session::exchange from it) by
 *     then is closed, and both parties are told
 * @param maxSessionsPerClient open calls one client may be a party of; a call that would exceed it
 *     for either party is refused, so one client cannot flood another with calls
 */
public record SessionSettings(long callTimeoutMillis, int maxSessionsPerClient) {

    public static final SessionSettings DEFAULTS = new SessionSettings(30_000, 16);

    public SessionSettings {
        if (callTimeoutMillis <= 0) {
            throw new IllegalArgumentException("sessions.callTimeoutMillis must be positive");
        }
        if (maxSessionsPerClient <= 0) {
            throw new IllegalArgumentException("sessions.maxSessionsPerClient must be positive");
        }
    }
}
