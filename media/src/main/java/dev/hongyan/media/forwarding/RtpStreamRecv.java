package dev.hongyan.media.forwarding;

import dev.hongyan.media.rtcp.ReportBlock;
import dev.hongyan.media.rtp.SequenceNumbers;

/**
 * Receive-side state of one producer RTP stream (mediasoup's RtpStreamRecv): extended sequence numbers,
 * counters, loss and interarrival jitter as RFC 3550 Appendix A defines them, the packets still missing
 * (for NACK), the last SR (for the LSR/DLSR of our receiver reports), a bitrate and a score.
 */
public final class RtpStreamRecv {
    /** Result of {@link #receive}. */
    public static final int NEWEST = 0;
    public static final int OUT_OF_ORDER = 1;
    public static final int DUPLICATE = 2;

    /** Gaps larger than this are a restart of the sender's numbering, not loss to NACK. */
    private static final int MAX_NACK_GAP = 256;
    private static final int MAX_MISSING = 512;
    private static final int MAX_NACK_TRIES = 5;
    private static final long NACK_RETRY_NANOS = 60_000_000L;

    private final int clockRate;
    private final boolean nackEnabled;

    private boolean started;
    private int maxSeq;
    private long cycles;
    private long baseSeq;
    private long received;
    private long bytes;
    private long retransmitted;
    private long repaired;
    private long discarded;
    private long expectedPrior;
    private long receivedPrior;
    private double jitter;
    private long lastTransit;
    private boolean hasTransit;
    private long lastSrNtpMiddle;
    private long lastSrArrivalNanos;
    private long lastPacketNanos;

    // Missing packets: extended seq, tries, last NACK time. Small, scanned linearly.
    private final long[] missing = new long[MAX_MISSING];
    private final int[] tries = new int[MAX_MISSING];
    private final long[] nackedAt = new long[MAX_MISSING];
    private int missingCount;
    /** How many packets the last {@link #receive} newly found missing. */
    private int newMissing;
    private long nackCount;
    private long nackPacketCount;

    // Score and bitrate intervals.
    private long scoreExpectedPrior;
    private long scoreReceivedPrior;
    private long scoreRepairedPrior;
    private int score = 10;
    private long bitrateBytesPrior;
    private long bitrateAtNanos;
    private long bitrate;

    public RtpStreamRecv(int clockRate, boolean nackEnabled) {
        this.clockRate = clockRate;
        this.nackEnabled = nackEnabled;
    }

    /**
     * Accounts for one packet. {@code retransmission} packets (decapsulated RTX) fill holes but do not feed
     * jitter. Returns {@link #NEWEST}, {@link #OUT_OF_ORDER} (older than the newest, filling a hole) or
     * {@link #DUPLICATE} (already had it, or too old to place: drop it).
     */
    public int receive(int seq, int rtpTimestamp, int length, long nowNanos, boolean retransmission) {
        lastPacketNanos = nowNanos;
        newMissing = 0;
        if (retransmission) {
            retransmitted++;
        }
        if (!started) {
            started = true;
            maxSeq = seq;
            baseSeq = seq;
            received = 1;
            bytes += length;
            updateJitter(rtpTimestamp, nowNanos);
            return NEWEST;
        }
        int delta = SequenceNumbers.delta(seq, maxSeq);
        if (delta > 0) {
            if (seq < maxSeq) {
                cycles += 65536;
            }
            long extended = cycles + seq;
            if (nackEnabled && delta > 1 && delta <= MAX_NACK_GAP) {
                makeRoom(delta - 1);
                for (long s = extended - delta + 1; s < extended; s++) {
                    addMissing(s);
                }
                newMissing = delta - 1;
            } else if (delta > MAX_NACK_GAP) {
                missingCount = 0;
            }
            maxSeq = seq;
            received++;
            bytes += length;
            if (!retransmission) {
                updateJitter(rtpTimestamp, nowNanos);
            }
            return NEWEST;
        }
        if (delta == 0) {
            discarded++;
            return DUPLICATE;
        }
        long extended = cycles + maxSeq + delta;
        if (removeMissing(extended)) {
            received++;
            bytes += length;
            if (retransmission) {
                repaired++;
            }
            return OUT_OF_ORDER;
        }
        if (!nackEnabled && delta > -MAX_NACK_GAP) {
            received++; // without NACK we keep no missing list; count the late packet once
            bytes += length;
            return OUT_OF_ORDER;
        }
        discarded++;
        return DUPLICATE;
    }

    private void updateJitter(int rtpTimestamp, long nowNanos) {
        long arrival = nowNanos / 1000 * clockRate / 1_000_000L;
        long transit = arrival - (rtpTimestamp & 0xFFFFFFFFL);
        if (hasTransit) {
            long d = Math.abs(transit - lastTransit);
            if (d < (long) clockRate * 10) { // a jump of more than 10 s is a timestamp reset, not jitter
                jitter += (d - jitter) / 16.0;
            }
        }
        lastTransit = transit;
        hasTransit = true;
    }

    /** Drops the oldest entries, in one move per array, so that {@code count} more fit. */
    private void makeRoom(int count) {
        int overflow = missingCount + count - MAX_MISSING;
        if (overflow <= 0) {
            return;
        }
        if (overflow >= missingCount) {
            missingCount = 0;
            return;
        }
        int kept = missingCount - overflow;
        System.arraycopy(missing, overflow, missing, 0, kept);
        System.arraycopy(tries, overflow, tries, 0, kept);
        System.arraycopy(nackedAt, overflow, nackedAt, 0, kept);
        missingCount = kept;
    }

    /** Appends; {@link #makeRoom} has made sure it fits. */
    private void addMissing(long extended) {
        missing[missingCount] = extended;
        tries[missingCount] = 0;
        nackedAt[missingCount] = 0;
        missingCount++;
    }

    private boolean removeMissing(long extended) {
        for (int i = 0; i < missingCount; i++) {
            if (missing[i] == extended) {
                int tail = missingCount - i - 1;
                System.arraycopy(missing, i + 1, missing, i, tail);
                System.arraycopy(tries, i + 1, tries, i, tail);
                System.arraycopy(nackedAt, i + 1, nackedAt, i, tail);
                missingCount--;
                return true;
            }
        }
        return false;
    }

    /**
     * Writes into {@code out} the sequence numbers to NACK now (never asked, or asked long enough ago and
     * not given up on); returns how many. Gives up on a packet after a few tries.
     */
    public int collectNacks(int[] out, long nowNanos) {
        int n = 0;
        int kept = 0;
        for (int i = 0; i < missingCount; i++) {
            boolean due = tries[i] == 0 || nowNanos - nackedAt[i] >= NACK_RETRY_NANOS;
            if (due && n < out.length) {
                out[n++] = (int) (missing[i] & 0xFFFF);
                tries[i]++;
                nackedAt[i] = nowNanos;
            }
            if (tries[i] < MAX_NACK_TRIES || !due) {
                missing[kept] = missing[i];
                tries[kept] = tries[i];
                nackedAt[kept] = nackedAt[i];
                kept++;
            }
        }
        missingCount = kept;
        if (n > 0) {
            nackCount++;
            nackPacketCount += n;
        }
        return n;
    }

    public boolean hasMissing() {
        return missingCount > 0;
    }

    /**
     * How many packets the last {@link #receive} found missing (a new gap before it), 0 when none: the
     * packet path NACKs only then, retries are a timer's business.
     */
    public int newMissing() {
        return newMissing;
    }

    public void onSenderReport(long ntpTimestamp, long nowNanos) {
        lastSrNtpMiddle = Ntp.middle(ntpTimestamp);
        lastSrArrivalNanos = nowNanos;
    }

    /** A reception report for our next RR (RFC 3550 A.3), and starts the next report interval. */
    public ReportBlock reportBlock(int ssrc, long nowNanos) {
        long extendedMax = cycles + maxSeq;
        long expected = extendedMax - baseSeq + 1;
        long lost = Math.max(-0x800000, Math.min(0x7FFFFF, expected - received));
        long expectedInterval = expected - expectedPrior;
        long receivedInterval = received - receivedPrior;
        expectedPrior = expected;
        receivedPrior = received;
        long lostInterval = expectedInterval - receivedInterval;
        int fraction = expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
        long dlsr = lastSrArrivalNanos == 0 ? 0 : (nowNanos - lastSrArrivalNanos) * 65536 / 1_000_000_000L;
        return new ReportBlock(ssrc, fraction, (int) lost, extendedMax & 0xFFFFFFFFL, (long) jitter & 0xFFFFFFFFL,
                lastSrNtpMiddle, lastSrArrivalNanos == 0 ? 0 : dlsr & 0xFFFFFFFFL);
    }

    /** Once a second: recomputes score and bitrate; returns true when the score changed. */
    public boolean updateScoreAndBitrate(long nowNanos) {
        long elapsed = nowNanos - bitrateAtNanos;
        if (elapsed > 0 && bitrateAtNanos != 0) {
            bitrate = (bytes - bitrateBytesPrior) * 8 * 1_000_000_000L / elapsed;
        }
        bitrateAtNanos = nowNanos;
        bitrateBytesPrior = bytes;
        long expected = started ? cycles + maxSeq - baseSeq + 1 : 0;
        long expectedInterval = expected - scoreExpectedPrior;
        long receivedInterval = received - scoreReceivedPrior;
        long repairedInterval = repaired - scoreRepairedPrior;
        scoreExpectedPrior = expected;
        scoreReceivedPrior = received;
        scoreRepairedPrior = repaired;
        int previous = score;
        if (expectedInterval <= 0 && nowNanos - lastPacketNanos > 2_000_000_000L) {
            score = 0; // silent stream: mediasoup reports an inactive stream as 0
        } else {
            // received already includes repaired packets; the score counts them as delivered.
            score = Scores.fromDelivery(expectedInterval, expectedInterval - receivedInterval, 0, previous);
        }
        return score != previous;
    }

    public boolean started() {
        return started;
    }

    public long packetCount() {
        return received;
    }

    public long byteCount() {
        return bytes;
    }

    public long packetsLost() {
        return started ? Math.max(0, cycles + maxSeq - baseSeq + 1 - received) : 0;
    }

    public int fractionLostLast() {
        long expected = cycles + maxSeq - baseSeq + 1;
        long expectedInterval = expected - expectedPrior;
        long lostInterval = expectedInterval - (received - receivedPrior);
        return expectedInterval <= 0 || lostInterval <= 0 ? 0 : (int) Math.min(255, (lostInterval << 8) / expectedInterval);
    }

    public long packetsRetransmitted() {
        return retransmitted;
    }

    public long packetsRepaired() {
        return repaired;
    }

    public long packetsDiscarded() {
        return discarded;
    }

    public long nackCount() {
        return nackCount;
    }

    public long nackPacketCount() {
        return nackPacketCount;
    }

    public long jitter() {
        return (long) jitter;
    }

    public int score() {
        return score;
    }

    public long bitrate() {
        return bitrate;
    }

    public long lastPacketNanos() {
        return lastPacketNanos;
    }
}
