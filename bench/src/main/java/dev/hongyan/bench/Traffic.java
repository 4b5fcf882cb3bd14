package dev.hongyan.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a population of clients received that was not a reply to one of its own requests: timestamped
 * deliveries (latency recorded), other notifications counted by signal, unsolicited errors by code.
 * Shared by every client of a scenario; updated from the event loops.
 */
final class Traffic {

    /** Told about every non-delivery notification, e.g. to wait for room::leave announcements. */
    interface Listener {
        void notification(BenchClient client, String signal);
    }

    private final LatencyHistogram deliveries = new LatencyHistogram();
    private final Map<String, LongAdder> notifications = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final LongAdder closedByServer = new LongAdder();
    private volatile long lastDeliveryNanos;
    private volatile Listener listener;

    void listener(Listener listener) {
        this.listener = listener;
    }

    void delivered(long sentNanos, long receivedNanos) {
        deliveries.record(receivedNanos - sentNanos);
        lastDeliveryNanos = receivedNanos;
    }

    void notification(BenchClient client, String signal) {
        notifications.computeIfAbsent(signal, s -> new LongAdder()).increment();
        Listener current = listener;
        if (current != null) {
            current.notification(client, signal);
        }
    }

    void error(String code) {
        errors.computeIfAbsent(code, c -> new LongAdder()).increment();
    }

    void closedByServer() {
        closedByServer.increment();
    }

    LatencyHistogram deliveries() {
        return deliveries;
    }

    long lastDeliveryNanos() {
        return lastDeliveryNanos;
    }

    long notifications(String signal) {
        LongAdder count = notifications.get(signal);
        return count == null ? 0 : count.sum();
    }

    long closedByServerCount() {
        return closedByServer.sum();
    }

    Map<String, Long> notificationCounts() {
        return snapshot(notifications);
    }

    Map<String, Long> errorCounts() {
        return snapshot(errors);
    }

    private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
        Map<String, Long> copy = new TreeMap<>();
        counters.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }
}
