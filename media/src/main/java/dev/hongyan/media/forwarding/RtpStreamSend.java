package dev.hongyan.media.forwarding;

import dev.hongyan.media.rtcp.ReportBlock;
import dev.hongyan.media.rtcp.SenderReport;
import java.util.List;

/**
 * Send-side state of one consumer RTP stream (mediasoup's RtpStreamSend): counters for SR and stats,
 * what the receiver reported (loss, round trip), feedback counters, a bitrate and a score.
 */
public final class RtpStreamSend {
    private final int ssrc;
    private final int clockRate;
    private long packetCount;
    private long byteCount;
    private long retransmitted;
    private long repaired;
    private long nackCount;
    private long nackPacketCount;
    private long pliCount;
    private long firCount;
    private int fractionLost;
    private long packetsLost;
    private double roundTripMillis = -1;
    private int score = 10;
    private long scoreSentPrior;
    private long scoreLostPrior;
    private long scoreRepairedPrior;
    private long bitrate;
    private long bitrateBytesPrior;
    private long bitrateAtNanos;
    private int lastRtpTimestamp;
    private long lastSendNanos;
    private long lastSrNtpMiddle;

    public RtpStreamSend(int ssrc, int clockRate) {
        this.ssrc = ssrc;
        this.clockRate = clockRate;
    }

    public void onSent(int length, int rtpTimestamp, long nowNanos) {
        packetCount++;
        byteCount += length;
        lastRtpTimestamp = rtpTimestamp;
        lastSendNanos = nowNanos;
    }

    public void onRetransmitted(int length) {
        retransmitted++;
        repaired++;
        byteCount += length;
    }

    public void onNack(int packets) {
        nackCount++;
        nackPacketCount += packets;
    }

    public void onPli() {
        pliCount++;
    }

    public void onFir() {
        firCount++;
    }

    /** The SR for now: the RTP timestamp is the last one sent, advanced by the time since (RFC 3550 §6.4.1). */
    public SenderReport senderReport(long epochMillis, long nowNanos) {
        long ntp = Ntp.fromEpochMillis(epochMillis);
        lastSrNtpMiddle = Ntp.middle(ntp);
        int rtp = lastRtpTimestamp + (int) ((nowNanos - lastSendNanos) * clockRate / 1_000_000_000L);
        return new SenderReport(ssrc, ntp, rtp, packetCount & 0xFFFFFFFFL, byteCount & 0xFFFFFFFFL, List.of());
    }

    /** A report block about this stream from the receiver: loss, and the round trip from LSR/DLSR. */
    public void onReceiverReport(ReportBlock block, long epochMillis) {
        fractionLost = block.fractionLost();
        packetsLost = block.cumulativeLost();
        if (block.lastSenderReport() != 0) {
            long now = Ntp.middle(Ntp.fromEpochMillis(epochMillis));
            long rtt = (now - block.lastSenderReport() - block.delaySinceLastSenderReport()) & 0xFFFFFFFFL;
            if (rtt < 0x7FFFFFFFL) {
                roundTripMillis = rtt * 1000.0 / 65536;
            }
        }
        long sentInterval = packetCount - scoreSentPrior;
        long lostInterval = Math.max(0, packetsLost - scoreLostPrior);
        long repairedInterval = repaired - scoreRepairedPrior;
        scoreSentPrior = packetCount;
        scoreLostPrior = packetsLost;
        scoreRepairedPrior = repaired;
        score = Scores.fromDelivery(sentInterval, lostInterval, repairedInterval, score);
    }

    public void updateBitrate(long nowNanos) {
        long elapsed = nowNanos - bitrateAtNanos;
        if (elapsed > 0 && bitrateAtNanos != 0) {
            bitrate = (byteCount - bitrateBytesPrior) * 8 * 1_000_000_000L / elapsed;
        }
        bitrateAtNanos = nowNanos;
        bitrateBytesPrior = byteCount;
    }

    public int ssrc() {
        return ssrc;
    }

    public long packetCount() {
        return packetCount;
    }

    public long byteCount() {
        return byteCount;
    }

    public long packetsRetransmitted() {
        return retransmitted;
    }

    public long packetsRepaired() {
        return repaired;
    }

    public long nackCount() {
        return nackCount;
    }

    public long nackPacketCount() {
        return nackPacketCount;
    }

    public long pliCount() {
        return pliCount;
    }

    public long firCount() {
        return firCount;
    }

    public int fractionLost() {
        return fractionLost;
    }

    public long packetsLost() {
        return packetsLost;
    }

    /** Milliseconds, or negative when unknown. */
    public double roundTripMillis() {
        return roundTripMillis;
    }

    public int score() {
        return score;
    }

    public long bitrate() {
        return bitrate;
    }
}
