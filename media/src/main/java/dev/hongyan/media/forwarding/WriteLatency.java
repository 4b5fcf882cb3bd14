package dev.hongyan.media.forwarding;

/**
 * Forwarding latency, from the moment a source datagram was read to the moment a consumer's copy of it was
 * written to the socket. Copies made while a read batch is handled are only queued; they leave when the
 * socket is flushed, so each queued copy remembers its source's arrival and is counted at the flush.
 * The time to the enqueue is kept as well: it is what earlier figures measured, and the difference between
 * the two is the time copies wait for their batch's flush.
 */
public final class WriteLatency {
    /** Beyond this many distinct arrivals waiting for one flush, later ones join the last (earlier) arrival. */
    static final int MAX_PENDING = 1 << 16;

    private final LatencyHistogram written = new LatencyHistogram();
    private final LatencyHistogram queued = new LatencyHistogram();
    // Copies not yet flushed, grouped by source arrival (consecutive copies share one: a fan-out).
    private long[] arrivals = new long[64];
    private int[] counts = new int[64];
    private int pending;

    /** A consumer's copy of the datagram read at {@code arrivalNanos} was queued on the socket at {@code nowNanos}. */
    public void onQueued(long arrivalNanos, long nowNanos) {
        queued.record(nowNanos - arrivalNanos);
        if (pending > 0 && arrivals[pending - 1] == arrivalNanos) {
            counts[pending - 1]++;
            return;
        }
        if (pending == arrivals.length) {
            if (pending == MAX_PENDING) {
                counts[pending - 1]++; // an earlier arrival: the figure can only come out higher, never lower
                return;
            }
            arrivals = java.util.Arrays.copyOf(arrivals, pending * 2);
            counts = java.util.Arrays.copyOf(counts, pending * 2);
        }
        arrivals[pending] = arrivalNanos;
        counts[pending] = 1;
        pending++;
    }

    /** Everything queued so far was written by {@code nowNanos}. */
    public void onFlushed(long nowNanos) {
        for (int i = 0; i < pending; i++) {
            written.record(nowNanos - arrivals[i], counts[i]);
        }
        pending = 0;
    }

    /** Queued copies not yet flushed. */
    public long pendingCopies() {
        long sum = 0;
        for (int i = 0; i < pending; i++) {
            sum += counts[i];
        }
        return sum;
    }

    public LatencyHistogram written() {
        return written;
    }

    public LatencyHistogram queued() {
        return queued;
    }

    /** Clears both histograms; copies still waiting for a flush are counted when it comes. */
    public void reset() {
        written.reset();
        queued.reset();
    }
}
