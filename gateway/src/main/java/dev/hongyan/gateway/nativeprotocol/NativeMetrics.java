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

    private final Map<String, Counter> in = new ConcurrentHashMap<>();
    private final Map<String, Counter> out = new ConcurrentHashMap<>();
    private final Map<String, Counter> errors = new ConcurrentHashMap<>();
    private final Map<String, Timer> latency = new ConcurrentHashMap<>();
    private final Counter presenceDropped;
    // Made once: a capturing lambda written at the call site is a new object per message (per receiver of a fan-out).
    private final Function<String, Counter> newIn;
    private final Function<String, Counter> newOut;
    private final Function<String, Counter> newError;
    private final Function<String, Timer> newLatency;

    NativeMetrics(MeterRegistry registry) {
        this.presenceDropped = Counter.builder("hongyan.signal.dropped")
                .description("Droppable notifications (presence) skipped for clients whose buffer was backing up")
                .register(registry);
        this.newIn = s -> Counter.builder("hongyan.signal.messages.in").tag("signal", s)
                .description("Native messages received, by signal").register(registry);
        this.newOut = s -> Counter.builder("hongyan.signal.messages.out").tag("signal", s)
                .description("Native messages sent, by signal").register(registry);
        this.newError = c -> Counter.builder("hongyan.signal.errors").tag("code", c)
                .description("Native error replies, by error code").register(registry);
        this.newLatency = s -> Timer.builder("hongyan.signal.request").tag("signal", s)
                .description("Time from a request's arrival to its reply")
                .publishPercentiles(0.5, 0.99).register(registry);
    }

    void in(String signal) {
        meter(in, signal, newIn).increment();
    }

    void out(String signal) {
        meter(out, signal, newOut).increment();
    }

    void error(String code) {
        meter(errors, code, newError).increment();
    }

    void latency(String signal, long startNanos) {
        meter(latency, signal, newLatency).record(System.nanoTime() - startNanos, TimeUnit.NANOSECONDS);
    }

    void dropped() {
        presenceDropped.increment();
    }

    private static <M> M meter(Map<String, M> cache, String key, Function<String, M> create) {
        M meter = cache.get(key);
        return meter != null ? meter : cache.computeIfAbsent(key, create);
    }
}
