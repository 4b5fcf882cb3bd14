package dev.hongyan.media.forwarding;

/**
 * What a consumer sent under each of its sequence numbers: which producer stream and source sequence
 * number, and what the consumer's copy was given (timestamp, transport-wide sequence number, send time for
 * abs-send-time, VP8 PictureID and TL0PICIDX). With the {@link PacketStore} this rebuilds any recent packet
 * for a NACK, byte for byte, without keeping a copy per consumer.
 */
public final class SendHistory {
    private final int[] outSeqs;
    private final int[] streams;
    private final int[] srcSeqs;
    private final int[] outTimestamps;
    private final int[] transportCcSeqs;
    private final long[] sentAt;
    private final int[] pictureIds;
    private final int[] tl0PicIdxs;
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
        transportCcSeqs = new int[size];
        sentAt = new long[size];
        pictureIds = new int[size];
        tl0PicIdxs = new int[size];
        resentAt = new long[size];
        resent = new boolean[size];
        mask = size - 1;
        java.util.Arrays.fill(outSeqs, -1);
    }

    /**
     * Records a packet sent.
     *
     * @param sentNanos  System.nanoTime of the send, from which its abs-send-time was written
     * @param pictureId  VP8 PictureID written into the copy, or -1 when the source's was kept
     * @param tl0PicIdx  VP8 TL0PICIDX written into the copy, or -1 likewise
     */
    public void put(int outSeq, int stream, int srcSeq, int outTimestamp, int transportCcSeq, long sentNanos,
            int pictureId, int tl0PicIdx) {
        int i = outSeq & mask;
        outSeqs[i] = outSeq & 0xFFFF;
        streams[i] = stream;
        srcSeqs[i] = srcSeq & 0xFFFF;
        outTimestamps[i] = outTimestamp;
        transportCcSeqs[i] = transportCcSeq;
        sentAt[i] = sentNanos;
        pictureIds[i] = pictureId;
        tl0PicIdxs[i] = tl0PicIdx;
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

    public int transportCcSeq(int entry) {
        return transportCcSeqs[entry];
    }

    public long sentNanos(int entry) {
        return sentAt[entry];
    }

    public int pictureId(int entry) {
        return pictureIds[entry];
    }

    public int tl0PicIdx(int entry) {
        return tl0PicIdxs[entry];
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
