package dev.hongyan.media.forwarding;

import dev.hongyan.media.rtp.SequenceNumbers;

/**
 * Maps a producer stream's sequence numbers and timestamps onto a consumer's, keeping the consumer's
 * numbering continuous across pause/resume and simulcast switches (which change the source stream and
 * its numbering).
 *
 * <p>After {@link #requireSync()} the next accepted packet re-anchors the mapping: it gets the sequence
 * number after the last one sent, and a timestamp advanced from the last one sent by the wall-clock time
 * since, so the receiver's jitter buffer sees neither a sequence gap (which it would NACK) nor time
 * running backwards. Packets from before the anchor are refused. Packets deliberately skipped (a temporal
 * layer not forwarded) are {@link #skip skipped}, so they leave no gap either.
 *
 * <p>Each skip shifts the numbering of what follows down by one, so a packet arriving late (reordered, or
 * repaired by a retransmission from the producer) is numbered as it would have been on time: its own offset
 * is the current one plus the skips newer than it. The recent skips are kept for that; a late packet older
 * than the ones still remembered cannot be placed and is refused.
 */
public final class SeqRewriter {
    /** How far back (in packets) reordering is tolerated and the anchor is honoured. */
    private static final int ANCHOR_HORIZON = 0x4000;
    /**
     * Skips remembered for numbering late packets: about a second of a dropped temporal layer at a few
     * Mbit/s, longer than a retransmission from the producer takes to arrive.
     */
    static final int SKIP_MEMORY = 512;
    private boolean started;
    private boolean syncRequired = true;
    private int seqOffset;
    private int tsOffset;
    private int anchorInSeq;
    private int lastInSeq;
    private int lastOutSeq;
    private int lastOutTs;
    private long lastOutNanos;
    private int outSeq;
    private int outTs;
    /** Skipped source sequence numbers. */
    private final DropMemory skipped = new DropMemory(SKIP_MEMORY, 16);

    public SeqRewriter() {
    }

    public void requireSync() {
        syncRequired = true;
    }

    public boolean syncRequired() {
        return syncRequired;
    }

    /**
     * Computes {@link #outSeq()} and {@link #outTs()} for a source packet; false when the packet must be
     * dropped (older than the current anchor, too far behind to map, or older than every skip remembered).
     */
    public boolean rewrite(int inSeq, int inTs, long nowNanos, int clockRate) {
        if (syncRequired) {
            int nextSeq = started ? (lastOutSeq + 1) & 0xFFFF : inSeq;
            seqOffset = (nextSeq - inSeq) & 0xFFFF;
            if (started) {
                long elapsed = Math.max(0, nowNanos - lastOutNanos);
                long ticks = Math.max(1, elapsed * clockRate / 1_000_000_000L);
                tsOffset = (int) (lastOutTs + ticks - inTs);
            } else {
                tsOffset = 0;
            }
            anchorInSeq = inSeq;
            lastInSeq = inSeq;
            skipped.clear(); // a new anchor: nothing before it is forwarded any more
            syncRequired = false;
            started = true;
            outSeq = nextSeq;
            outTs = inTs + tsOffset;
            lastOutSeq = outSeq;
            lastOutTs = outTs;
            lastOutNanos = nowNanos;
            return true;
        }
        if (SequenceNumbers.isNewer(lastInSeq, inSeq)) {
            // Older than the newest: refuse it if it is from before the anchor, as its number would
            // collide with what was sent before. The anchor only matters while it is recent; serial
            // arithmetic would otherwise flip its meaning after half the sequence space.
            int back = (lastInSeq - inSeq) & 0xFFFF;
            int anchorBack = (lastInSeq - anchorInSeq) & 0xFFFF;
            if (anchorBack < ANCHOR_HORIZON && back > anchorBack) {
                return false;
            }
            if (back >= ANCHOR_HORIZON) {
                return false; // far too old to place reliably
            }
            int later = skipped.newerThan(inSeq);
            if (later < 0) {
                return false;
            }
            outSeq = (inSeq + seqOffset + later) & 0xFFFF;
            outTs = inTs + tsOffset;
            return true;
        }
        outSeq = (inSeq + seqOffset) & 0xFFFF;
        outTs = inTs + tsOffset;
        if (SequenceNumbers.isNewer(inSeq, lastInSeq)) {
            lastInSeq = inSeq;
            lastOutSeq = outSeq;
            lastOutTs = outTs;
            lastOutNanos = nowNanos;
        }
        return true;
    }

    /**
     * A source packet that will not be forwarded although it is the newest (say, a temporal layer above
     * the target): the numbering closes up behind it, so the receiver sees no hole to NACK.
     */
    public void skip(int inSeq) {
        if (!started || syncRequired || !SequenceNumbers.isNewer(inSeq, lastInSeq)) {
            return;
        }
        int advance = (inSeq - lastInSeq) & 0xFFFF;
        // Only the skipped packet itself disappears; packets lost in between still show as a gap.
        seqOffset = (seqOffset - 1) & 0xFFFF;
        lastInSeq = inSeq;
        lastOutSeq = (lastOutSeq + advance - 1) & 0xFFFF;
        skipped.add(inSeq);
    }

    public int outSeq() {
        return outSeq;
    }

    public int outTs() {
        return outTs;
    }

    public boolean started() {
        return started;
    }
}
