package dev.hongyan.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in nanoseconds, in log-linear buckets (the HdrHistogram idea, written small): values below
 * 128 ns are exact, above that every power of two is split into 128 buckets, so a reported percentile is
 * at most 1/128 (0.8 %) above the true value. Fixed memory (about 57 KB) whatever the count, which
 * matters when a broadcast run records millions of deliveries; recording is one atomic increment, safe
 * from every event loop at once. The forwarding benchmarks time end-to-end delivery with it too: under
 * overload their latencies run to seconds, which only a histogram without a ceiling reports truly.
 */
public final class LatencyHistogram {

    static final int SUB_BITS = 7;
    static final int SUB_COUNT = 1 << SUB_BITS;
    private static final int BUCKETS = SUB_COUNT + (63 - SUB_BITS) * SUB_COUNT;

    private final AtomicLongArray counts = new AtomicLongArray(BUCKETS);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong sum = new AtomicLong();
    private final AtomicLong min = new AtomicLong(Long.MAX_VALUE);
    private final AtomicLong max = new AtomicLong(Long.MIN_VALUE);

    /** Records one value; negative values (clock oddities) count as 0. */
    public void record(long nanos) {
        long value = Math.max(0, nanos);
        counts.incrementAndGet(indexOf(value));
        total.incrementAndGet();
        sum.addAndGet(value);
        min.accumulateAndGet(value, Math::min);
        max.accumulateAndGet(value, Math::max);
    }

    void addAll(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            long c = other.counts.get(i);
            if (c != 0) {
                counts.addAndGet(i, c);
            }
        }
        total.addAndGet(other.total.get());
        sum.addAndGet(other.sum.get());
        min.accumulateAndGet(other.min.get(), Math::min);
        max.accumulateAndGet(other.max.get(), Math::max);
    }

    public long count() {
        return total.get();
    }

    public long max() {
        return total.get() == 0 ? 0 : max.get();
    }

    public long min() {
        return total.get() == 0 ? 0 : min.get();
    }

    public double mean() {
        long n = total.get();
        return n == 0 ? 0 : (double) sum.get() / n;
    }

    /**
     * The nearest-rank percentile: the smallest recorded value (to bucket precision) such that at least
     * {@code percentile}% of the values are at or below it. Reported as the bucket's highest value, but
     * never above the exact maximum. 0 when empty.
     */
    public long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be in [0, 100]: " + percentile);
        }
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(highestValueIn(i), max());
            }
        }
        return max();
    }

    /** {@link #percentile} in whole microseconds. */
    public long percentileMicros(double percentile) {
        return percentile(percentile) / 1000;
    }

    /** Forgets every value; only while nobody records (the forwarding benchmarks hold their lock). */
    public void reset() {
        for (int i = 0; i < BUCKETS; i++) {
            counts.set(i, 0);
        }
        total.set(0);
        sum.set(0);
        min.set(Long.MAX_VALUE);
        max.set(Long.MIN_VALUE);
    }

    /** p50, p99, p99.9, max and mean in milliseconds, for reports. */
    Map<String, Object> summaryMillis() {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("count", count());
        summary.put("p50Ms", millis(percentile(50)));
        summary.put("p99Ms", millis(percentile(99)));
        summary.put("p999Ms", millis(percentile(99.9)));
        summary.put("maxMs", millis(max()));
        summary.put("meanMs", millis(Math.round(mean())));
        return summary;
    }

    static double millis(long nanos) {
        return Math.round(nanos / 1_000.0) / 1_000.0;
    }

    static int indexOf(long value) {
        if (value < SUB_COUNT) {
            return (int) value;
        }
        int exponent = 63 - Long.numberOfLeadingZeros(value);
        int shift = exponent - SUB_BITS;
        int sub = (int) (value >>> shift) - SUB_COUNT;
        return SUB_COUNT + shift * SUB_COUNT + sub;
    }

    static long lowestValueIn(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        long sub = (index - SUB_COUNT) % SUB_COUNT;
        return (SUB_COUNT + sub) << shift;
    }

    static long highestValueIn(int index) {
        if (index < SUB_COUNT) {
            return index;
        }
        int shift = (index - SUB_COUNT) / SUB_COUNT;
        return lowestValueIn(index) + (1L << shift) - 1;
    }
}
