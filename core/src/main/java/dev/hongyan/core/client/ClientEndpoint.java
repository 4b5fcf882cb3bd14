package dev.hongyan.core.client;

import dev.hongyan.core.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** How core reaches a client, whatever protocol it speaks. Implemented by each gateway. */
public interface ClientEndpoint {

    /** Sends without waiting. Never blocks, never throws for a closed client. */
    void push(Notification notification);

    /**
     * Sends a request the client must answer, and completes with the answer's body (or fails with a
     * CoreException: TIMEOUT, TARGET_OFFLINE, TARGET_ERROR). Never blocks.
     */
    CompletableFuture<Object> request(Notification request, Duration timeout);

    /** Tells the client why in its protocol, then closes its connection. */
    void close(ErrorCode reason, String message);
}
