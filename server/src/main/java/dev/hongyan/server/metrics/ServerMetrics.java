package dev.hongyan.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** The network server's own meters, all named {@code hongyan.*} ({@code hongyan_*} in Prometheus). */
public final class ServerMetrics {

    /** Why the server refused a message or a connection; the {@code reason} tag of the refusal counter. */
    public enum Refusal {
        FRAME_TOO_LARGE, RATE_LIMITED, BINARY_FRAME, SLOW_READER, MAX_CONNECTIONS;

        String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final MeterRegistry registry;
    private final Counter opened;
    private final Counter closed;
    private final Map<Refusal, Counter> refusals = new EnumMap<>(Refusal.class);

    public ServerMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.opened = Counter.builder("hongyan.websocket.opened").description("WebSocket connections opened").register(registry);
        this.closed = Counter.builder("hongyan.websocket.closed").description("WebSocket connections closed").register(registry);
        for (Refusal refusal : Refusal.values()) {
            // Registered up front so dashboards see a 0 line instead of a missing series.
            refusals.put(refusal, Counter.builder("hongyan.websocket.refusals")
                    .description("Messages or connections refused by a generic limit")
                    .tag("reason", refusal.tag())
                    .register(registry));
        }
    }

    /** A gauge of live connections on one endpoint path. */
    public AtomicInteger connectionGauge(String endpointPath) {
        AtomicInteger count = new AtomicInteger();
        Gauge.builder("hongyan.websocket.connections", count, AtomicInteger::get)
                .description("Open WebSocket connections")
                .tag("endpoint", endpointPath)
                .register(registry);
        return count;
    }

    public void opened() {
        opened.increment();
    }

    public void closed() {
        closed.increment();
    }

    public void refused(Refusal refusal) {
        refusals.get(refusal).increment();
    }

    public double refusalCount(Refusal refusal) {
        return refusals.get(refusal).count();
    }

    /** Records one HTTP request; {@code route} is a template or a fixed word, never a raw path, to bound cardinality. */
    public void httpRequest(String method, String route, int status, long nanos) {
        Timer.builder("hongyan.http.requests")
                .description("HTTP requests by route and status")
                .tag("method", method)
                .tag("route", route)
                .tag("status", Integer.toString(status))
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }
}
