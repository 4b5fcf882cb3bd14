package dev.hongyan.media.rtp;

/**
 * Extends 16-bit sequence numbers to a 64-bit count by tracking wrap-around: each number is placed
 * at the signed 16-bit distance from the newest seen. Packets reordered from before the first one
 * can yield negative values. One instance per stream; not thread-safe.
 */
public final class SequenceUnwrapper {
    private long newest = Long.MIN_VALUE;

    public long unwrap(int sequenceNumber) {
        int seq = sequenceNumber & 0xFFFF;
        if (newest == Long.MIN_VALUE) {
            newest = seq;
            return seq;
        }
        long extended = newest + SequenceNumbers.delta(seq, (int) (newest & 0xFFFF));
        if (extended > newest) {
            newest = extended;
        }
        return extended;
    }

    /** The newest extended sequence number, or {@link Long#MIN_VALUE} before the first. */
    public long newest() {
        return newest;
    }
}
