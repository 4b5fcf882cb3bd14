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
     * The single thread that delivers this connection's frames. Work submitted here runs serialized
     * with {@link WebSocketSession#onText}, which lets a gateway keep per-connection state without locks.
     */
    Executor executor();
}
