package dev.hongyan.media.forwarding;

/**
 * What a consumer sent under each of its sequence numbers: which producer stream and source sequence
 * number, and the timestamp it was given. With the {@link PacketStore} this rebuilds any recent packet
 * for a NACK without keeping a copy per consumer.
 */
public final class SendHistory {
    private final int[] outSeqs;
    private final int[] streams;
    private final int[] srcSeqs;
    private final int[] outTimestamps;
    /** When each entry was last resent (System.nanoTime), meaningful only where {@link #resent} is set. */
    private final long[] resentAt;
    private final boolean[] resent;
    private final int mask;

    public SendHistory(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        outSeqs = new int[size];
        streams = new int[size];
        srcSeqs = new int[size];
        outTimestamps = new int[size];
        resentAt = new long[size];
        resent = new boolean[size];
        mask = size - 1;
        java.util.Arrays.fill(outSeqs, -1);
    }

    public void put(int outSeq, int stream, int srcSeq, int outTimestamp) {
        int i = outSeq & mask;
        outSeqs[i] = outSeq & 0xFFFF;
        streams[i] = stream;
        srcSeqs[i] = srcSeq & 0xFFFF;
        outTimestamps[i] = outTimestamp;
        resent[i] = false;
    }

    /** The entry index for {@code outSeq}, or -1. */
    public int find(int outSeq) {
        int i = outSeq & mask;
        return outSeqs[i] == (outSeq & 0xFFFF) ? i : -1;
    }

    public int stream(int entry) {
        return streams[entry];
    }

    public int srcSeq(int entry) {
        return srcSeqs[entry];
    }

    public int outTimestamp(int entry) {
        return outTimestamps[entry];
    }

    /**
     * Claims {@code entry} for a resend at {@code nowNanos}: false when it was already resent less than
     * {@code minIntervalNanos} ago (a duplicate within one NACK, or a NACK repeated before the resend could
     * have arrived), else records the resend and returns true.
     */
    public boolean claimResend(int entry, long nowNanos, long minIntervalNanos) {
        if (resent[entry] && nowNanos - resentAt[entry] < minIntervalNanos) {
            return false;
        }
        resent[entry] = true;
        resentAt[entry] = nowNanos;
        return true;
    }
}
