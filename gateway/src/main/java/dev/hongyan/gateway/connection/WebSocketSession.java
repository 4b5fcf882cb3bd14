package dev.hongyan.gateway.connection;

/** Receives one connection's events, always on {@link Connection#executor()}. */
public interface WebSocketSession {

    /** A complete text message within the limits. */
    void onText(String text);

    /**
     * The server refused a message under a generic limit. The gateway answers in its protocol's
     * words; the connection stays open unless the gateway closes it.
     *
     * @param textPrefix the first characters of the refused message (at most a few hundred), so the
     *     gateway can echo a request id; empty for binary frames
     */
    void onRefused(Refusal refusal, String textPrefix);

    /** The connection closed, for whatever reason. Called once. */
    void onClosed();

    /** Why the server refused a message. */
    enum Refusal {
        /** The message is larger than {@code limits.maxFrameBytes}. */
        FRAME_TOO_LARGE,
        /** The connection sends faster than {@code limits.messagesPerSecond}. */
        RATE_LIMITED,
        /** A binary frame on a text protocol. */
        BINARY_FRAME
    }
}
