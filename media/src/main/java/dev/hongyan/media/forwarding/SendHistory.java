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
    private final int mask;

    public SendHistory(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        outSeqs = new int[size];
        streams = new int[size];
        srcSeqs = new int[size];
        outTimestamps = new int[size];
        mask = size - 1;
        java.util.Arrays.fill(outSeqs, -1);
    }

    public void put(int outSeq, int stream, int srcSeq, int outTimestamp) {
        int i = outSeq & mask;
        outSeqs[i] = outSeq & 0xFFFF;
        streams[i] = stream;
        srcSeqs[i] = srcSeq & 0xFFFF;
        outTimestamps[i] = outTimestamp;
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
}
