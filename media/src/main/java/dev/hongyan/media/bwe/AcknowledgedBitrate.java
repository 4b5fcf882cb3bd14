package dev.hongyan.media.bwe;

/**
 * The rate at which the receiver got our packets: bytes acknowledged over the last {@link #WINDOW_MICROS}
 * of arrival time. It is what the path demonstrably carried, so the delay-based controller decreases to a
 * fraction of it and never increases far above it. Unknown ({@code -1}) until a quarter of a window of
 * arrivals has been seen, since a few packets say nothing about a rate.
 */
final class AcknowledgedBitrate {
    static final long WINDOW_MICROS = 1_000_000L;
    private static final long MIN_SPAN_MICROS = WINDOW_MICROS / 4;
    private static final int CAPACITY = 4096;

    // A ring of acknowledged packets in feedback order.
    private final long[] arrivals = new long[CAPACITY];
    private final int[] sizes = new int[CAPACITY];
    private int head;
    private int count;
    private long bytesInWindow;
    private long latestArrival = Long.MIN_VALUE;
    private long firstArrival = Long.MIN_VALUE;

    void onAcknowledged(long arrivalMicros, int size) {
        if (firstArrival == Long.MIN_VALUE) {
            firstArrival = arrivalMicros;
        }
        latestArrival = Math.max(latestArrival, arrivalMicros);
        if (count == CAPACITY) {
            drop();
        }
        int tail = (head + count) % CAPACITY;
        arrivals[tail] = arrivalMicros;
        sizes[tail] = size;
        count++;
        bytesInWindow += size;
        while (count > 0 && arrivals[head] <= latestArrival - WINDOW_MICROS) {
            drop();
        }
    }

    private void drop() {
        bytesInWindow -= sizes[head];
        head = (head + 1) % CAPACITY;
        count--;
    }

    /** Bits per second, or -1 while unknown. */
    long bitrate() {
        if (latestArrival == Long.MIN_VALUE) {
            return -1;
        }
        long span = Math.min(WINDOW_MICROS, latestArrival - firstArrival);
        if (span < MIN_SPAN_MICROS) {
            return -1;
        }
        return bytesInWindow * 8 * 1_000_000L / span;
    }
}
