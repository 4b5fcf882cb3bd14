package dev.hongyan.core.session;

import java.util.Locale;

/** Why a call ended, as told to the parties in {@code session::close}'s {@code reason}. */
public enum CloseReason {
    /** One party closed it (session::close). */
    HANGUP,
    /** The callee did not take part within sessions.callTimeoutMillis. */
    TIMEOUT,
    /** A party disconnected. */
    OFFLINE;

    /** The lower-case word clients read. */
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
