package dev.hongyan.server;

import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.HttpRoute;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.IntSupplier;

/** {@code GET /health}: liveness for load balancers and orchestrators. */
final class HealthRoute implements HttpRoute {

    private final long startNanos = System.nanoTime();
    private final IntSupplier connections;

    HealthRoute(IntSupplier connections) {
        this.connections = connections;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/health";
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        long uptime = (System.nanoTime() - startNanos) / 1_000_000_000L;
        return CompletableFuture.completedFuture(HttpResponse.json(200,
                "{\"status\":\"UP\",\"uptimeSeconds\":" + uptime + ",\"connections\":" + connections.getAsInt() + "}"));
    }
}
