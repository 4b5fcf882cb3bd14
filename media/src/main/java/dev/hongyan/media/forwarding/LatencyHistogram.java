package dev.hongyan.media.forwarding;

/**
 * Forwarding latency in microseconds: 10 µs buckets up to 2 ms, 100 µs buckets up to 50 ms, then one
 * overflow bucket. Fixed arrays, so recording on the packet path costs no allocation. Made for the engine's
 * own read → write time, which stays far below 50 ms; a quantile that falls in the overflow bucket is
 * reported as the maximum, an upper bound (latencies that run to seconds, as end-to-end under overload,
 * belong in the benchmarks' log-linear histogram).
 */
public final class LatencyHistogram {
    private static final int FINE = 200;      // 0..2 ms by 10 µs
    private static final int COARSE = 480;    // 2..50 ms by 100 µs
    private final long[] counts = new long[FINE + COARSE + 1];
    private long total;
    private long maxMicros;

    public void record(long nanos) {
        record(nanos, 1);
    }

    /** {@code count} samples of the same latency, e.g. every datagram of one fan-out written by one syscall. */
    public void record(long nanos, int count) {
        if (count <= 0) {
            return;
        }
        long micros = Math.max(0, nanos / 1000);
        int bucket;
        if (micros < 2000) {
            bucket = (int) (micros / 10);
        } else if (micros < 50_000) {
            bucket = FINE + (int) ((micros - 2000) / 100);
        } else {
            bucket = FINE + COARSE;
        }
        counts[bucket] += count;
        total += count;
        maxMicros = Math.max(maxMicros, micros);
    }

    public long count() {
        return total;
    }

    public long maxMicros() {
        return maxMicros;
    }

    /**
     * The upper edge of the bucket holding quantile {@code q} (0..1), in microseconds; 0 when empty; the
     * maximum when that bucket is the overflow (≥ 50 ms).
     */
    public long percentileMicros(double q) {
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                if (i < FINE) {
                    return (i + 1) * 10L;
                }
                if (i < FINE + COARSE) {
                    return 2000 + (i - FINE + 1) * 100L;
                }
                return maxMicros;
            }
        }
        return maxMicros;
    }

    public void reset() {
        java.util.Arrays.fill(counts, 0);
        total = 0;
        maxMicros = 0;
    }
}
