package dev.hongyan.media.forwarding;

/**
 * What a consumer sent under each of its sequence numbers: which producer stream and source sequence
 * number, and what the consumer's copy was given (timestamp, transport-wide sequence number, send time for
 * abs-send-time, VP8 PictureID and TL0PICIDX). With the {@link PacketStore} this rebuilds any recent packet
 * for a NACK, byte for byte, without keeping a copy per consumer.
 *
 * <p>An entry's int fields sit next to each other in one array ({@link #STRIDE} ints), so recording a sent
 * packet, once per copy of every fan-out, touches one cache line rather than one per field.
 */
public final class SendHistory {
    private static final int STRIDE = 8;
    private static final int SEQ_AND_STREAM = 0; // out sequence number (low 16 bits), stream index above
    private static final int SRC_SEQ = 1;
    private static final int OUT_TS = 2;
    private static final int RESENT = 3;         // 1 once resent; when is in resentAt
    private static final int TRANSPORT_CC_SEQ = 4;
    private static final int PICTURE_ID = 5;
    private static final int TL0_PIC_IDX = 6;
    private static final int EMPTY = -1;         // no sequence number/stream pair packs to all ones

    private final int[] entries;
    /** System.nanoTime of each entry's send, from which its abs-send-time was written. */
    private final long[] sentAt;
    /** When each entry was last resent (System.nanoTime), meaningful only where RESENT is set. */
    private final long[] resentAt;
    private final int mask;

    public SendHistory(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        entries = new int[size * STRIDE];
        sentAt = new long[size];
        resentAt = new long[size];
        mask = size - 1;
        for (int i = 0; i < size; i++) {
            entries[i * STRIDE + SEQ_AND_STREAM] = EMPTY;
        }
    }

    /**
     * Records a packet sent.
     *
     * @param stream     a producer encoding index (a handful at most)
     * @param sentNanos  System.nanoTime of the send, from which its abs-send-time was written
     * @param pictureId  VP8 PictureID written into the copy, or -1 when the source's was kept
     * @param tl0PicIdx  VP8 TL0PICIDX written into the copy, or -1 likewise
     */
    public void put(int outSeq, int stream, int srcSeq, int outTimestamp, int transportCcSeq, long sentNanos,
            int pictureId, int tl0PicIdx) {
        int i = outSeq & mask;
        int at = i * STRIDE;
        entries[at + SEQ_AND_STREAM] = (outSeq & 0xFFFF) | ((stream & 0x7FFF) << 16);
        entries[at + SRC_SEQ] = srcSeq & 0xFFFF;
        entries[at + OUT_TS] = outTimestamp;
        entries[at + RESENT] = 0;
        entries[at + TRANSPORT_CC_SEQ] = transportCcSeq;
        entries[at + PICTURE_ID] = pictureId;
        entries[at + TL0_PIC_IDX] = tl0PicIdx;
        sentAt[i] = sentNanos;
    }

    /** The entry index for {@code outSeq}, or -1. */
    public int find(int outSeq) {
        int i = outSeq & mask;
        int packed = entries[i * STRIDE + SEQ_AND_STREAM];
        return packed != EMPTY && (packed & 0xFFFF) == (outSeq & 0xFFFF) ? i : -1;
    }

    public int stream(int entry) {
        return entries[entry * STRIDE + SEQ_AND_STREAM] >>> 16;
    }

    public int srcSeq(int entry) {
        return entries[entry * STRIDE + SRC_SEQ];
    }

    public int outTimestamp(int entry) {
        return entries[entry * STRIDE + OUT_TS];
    }

    public int transportCcSeq(int entry) {
        return entries[entry * STRIDE + TRANSPORT_CC_SEQ];
    }

    public long sentNanos(int entry) {
        return sentAt[entry];
    }

    public int pictureId(int entry) {
        return entries[entry * STRIDE + PICTURE_ID];
    }

    public int tl0PicIdx(int entry) {
        return entries[entry * STRIDE + TL0_PIC_IDX];
    }

    /**
     * Claims {@code entry} for a resend at {@code nowNanos}: false when it was already resent less than
     * {@code minIntervalNanos} ago (a duplicate within one NACK, or a NACK repeated before the resend could
     * have arrived), else records the resend and returns true.
     */
    public boolean claimResend(int entry, long nowNanos, long minIntervalNanos) {
        int flag = entry * STRIDE + RESENT;
        if (entries[flag] != 0 && nowNanos - resentAt[entry] < minIntervalNanos) {
            return false;
        }
        entries[flag] = 1;
        resentAt[entry] = nowNanos;
        return true;
    }
}
