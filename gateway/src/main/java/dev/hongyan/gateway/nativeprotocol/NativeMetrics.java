package dev.hongyan.gateway.nativeprotocol;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Signal traffic in Prometheus terms. Meters are looked up in local maps (no tag allocation per
 * message); signal tags are limited to registered signals so a client cannot mint new series.
 */
final class NativeMetrics {

    private final MeterRegistry registry;
    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Counter presenceDropped;

    NativeMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.presenceDropped = Counter.builder("hongyan.signal.dropped")
                .description("Droppable notifications (presence) skipped for clients whose buffer was backing up")
                .register(registry);
    }

    void in(String signal) {
        meter(in, signal, s -> Counter.builder("hongyan.signal.messages.in").tag("signal", s)
                .description("Native messages received, by signal").register(registry)).increment();
    }

    void out(String signal) {
        meter(out, signal, s -> Counter.builder("hongyan.signal.messages.out").tag("signal", s)
                .description("Native messages sent, by signal").register(registry)).increment();
    }

    void error(String code) {
        meter(errors, code, c -> Counter.builder("hongyan.signal.errors").tag("code", c)
                .description("Native error replies, by error code").register(registry)).increment();
    }

    void latency(String signal, long startNanos) {
        meter(latency, signal, s -> Timer.builder("hongyan.signal.request").tag("signal", s)
                .description("Time from a request's arrival to its reply")
                .publishPercentiles(0.5, 0.99).register(registry))
                .record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void dropped() {
        presenceDropped.increment();
    }

    private static <M> M meter(Map<String, M> cache, String key, Function<String, M> create) {
        M meter = cache.get(key);
        return meter != null ? meter : cache.computeIfAbsent(key, create);
    }
}
