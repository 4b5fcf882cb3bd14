package dev.hongyan.gateway.protoo;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** protoo traffic in Prometheus terms; method tags only for known methods so clients cannot mint series. */
final class ProtooMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> requests = new ConcurrentHashMap<>();
    private final Map<Integer, Counter> errors = new ConcurrentHashMap<>();
    private final Counter dropped;

    ProtooMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.dropped = Counter.builder("hongyan.protoo.dropped")
                .description("protoo messages ignored: not JSON, or not a well-formed request/response/notification")
                .register(registry);
    }

    void request(String method) {
        requests.computeIfAbsent(method, m -> Counter.builder("hongyan.protoo.requests").tag("method", m)
                .description("protoo requests received, by method").register(registry)).increment();
    }

    void error(int code) {
        errors.computeIfAbsent(code, c -> Counter.builder("hongyan.protoo.errors").tag("code", String.valueOf(c))
                .description("protoo error responses, by errorCode").register(registry)).increment();
    }

    void dropped() {
        dropped.increment();
    }

    double droppedCount() {
        return dropped.count();
    }
}
