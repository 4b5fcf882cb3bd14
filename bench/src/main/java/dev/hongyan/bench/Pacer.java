package dev.hongyan.bench;

import java.util.concurrent.locks.LockSupport;

/**
 * Open-loop pacing: operation i is due at start + i/rate whatever happened to the earlier ones, so a slow
 * server shows up as latency instead of quietly lowering the offered rate (coordinated omission). When
 * the sender itself falls behind it catches up at once and the lag is reported.
 */
final class Pacer {

    private final long start;
    private final double nanosPerOperation;
    private long maxLagNanos;

    Pacer(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("rate must be positive: " + perSecond);
        }
        this.start = System.nanoTime();
        this.nanosPerOperation = 1e9 / perSecond;
    }

    /** Waits until operation {@code i} is due. */
    void awaitTurn(long i) {
        long due = start + (long) (i * nanosPerOperation);
        long now = System.nanoTime();
        while (due - now > 0) {
            LockSupport.parkNanos(due - now);
            now = System.nanoTime();
        }
        maxLagNanos = Math.max(maxLagNanos, now - due);
    }

    long start() {
        return start;
    }

    /** How far behind schedule the sender got at worst (its own CPU starvation, not the server's). */
    long maxLagNanos() {
        return maxLagNanos;
    }
}
