package dev.hongyan.gateway.connection;

import java.util.concurrent.Executor;

/** One accepted WebSocket, as a gateway sees it. Implementations are thread-safe. */
public interface Connection {

    /** Unique for the life of the process. */
    String id();

    /** The peer's IP address as text (after proxy headers, if the server trusts them). */
    String remoteIp();

    /**
     * Queues a text frame. Never blocks. Returns false when the connection is already closed. A peer
     * that stops reading is cut by the server when its write buffer passes the high-water mark.
     */
    boolean sendText(String text);

    /** Sends a close frame with the code and reason, then closes. Idempotent. */
    void close(int code, String reason);

    boolean isOpen();

    /**
     * False while the outbound buffer is above its low-water mark: a gateway may skip optional
     * messages (presence) rather than push the peer over the slow-reader cut.
     */
    default boolean isWritable() {
        return true;
    }

    /**
     * The single thread that delivers this connection's frames. Work submitted here runs serialized
     * with {@link WebSocketSession#onText}, which lets a gateway keep per-connection state without locks.
     */
    Executor executor();
}
