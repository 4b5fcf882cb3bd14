package dev.hongyan.server;

import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.HttpRoute;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;

/**
 * {@code GET /metrics}: the Prometheus text format. A scrape walks every meter and reads
 * /proc, so it runs on its own thread rather than on an event loop.
 */
final class MetricsRoute implements HttpRoute {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;
    private final Executor scrapeExecutor;

    MetricsRoute(PrometheusMeterRegistry registry, Executor scrapeExecutor) {
        this.registry = registry;
        this.scrapeExecutor = scrapeExecutor;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return "/metrics";
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        return CompletableFuture.supplyAsync(() -> new HttpResponse(200, CONTENT_TYPE,
                registry.scrape().getBytes(StandardCharsets.UTF_8), Map.of()), scrapeExecutor);
    }
}
