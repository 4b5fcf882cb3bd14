package dev.hongyan.bench.forwarding;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A producer's clock: calls {@link Send#send} {@code pps} times a second from a thread of its own, in 0.5 ms
 * steps. After a stall of this side (its GC, its CPU taken away) it sends at most {@link #MAX_BURST_NANOS} worth at
 * once and skips the rest, as a camera does not send the frames it missed in one burst: a catch-up burst after a
 * 30 ms stall would queue in front of what is measured and be timed as its latency.
 */
final class PacedSender implements AutoCloseable {
    /** The most sent at once after falling behind: WebRTC's pacer sends in 5 ms intervals. */
    static final long MAX_BURST_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final long STEP_NANOS = 500_000;

    /** Sends one packet; {@code slot} counts the schedule's slots since the start, skipped ones included. */
    interface Send {
        void send(long slot);
    }

    private final Thread thread;
    private final AtomicLong skipped = new AtomicLong();
    private volatile boolean running = true;

    PacedSender(String name, int pps, Send send) {
        long maxBurst = Math.max(1, pps * MAX_BURST_NANOS / 1_000_000_000L);
        thread = new Thread(() -> {
            long start = System.nanoTime();
            long slot = 0;
            while (running) {
                long due = (System.nanoTime() - start) * pps / 1_000_000_000L;
                if (due - slot > maxBurst) {
                    skipped.addAndGet(due - slot - maxBurst);
                    slot = due - maxBurst;
                }
                while (slot < due && running) {
                    send.send(slot++);
                }
                LockSupport.parkNanos(STEP_NANOS);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Packets not sent so far because they fell due during a stall. */
    long skipped() {
        return skipped.get();
    }

    /** Stops sending; returns once the thread has stopped (or 2 s passed). */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
