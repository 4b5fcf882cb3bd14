package dev.hongyan.core.client;

import dev.hongyan.core.error.ErrorCode;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** A connection for tests that need a client but not what it is sent: drops pushes, never answers. */
public final class SilentEndpoint implements ClientEndpoint {

    public static final ClientEndpoint INSTANCE = new SilentEndpoint();

    private SilentEndpoint() {}

    @Override
    public void push(Notification notification) {}

    @Override
    public CompletableFuture<Object> request(Notification request, Duration timeout) {
        return new CompletableFuture<>();
    }

    @Override
    public void close(ErrorCode reason, String message) {}
}
