package dev.hongyan.media;

import dev.hongyan.media.forwarding.KeyFrameRequests;
import dev.hongyan.media.forwarding.PacketStore;
import dev.hongyan.media.forwarding.RtpStreamRecv;
import dev.hongyan.media.ortc.ProducerRtpInfo;
import dev.hongyan.media.ortc.RtpCodecParameters;
import dev.hongyan.media.rtp.RtpExtensions;

/**
 * One RTP stream (encoding) of a producer: its identity, receive state, packet store, keyframe requests,
 * and what each of its temporal layers costs (the layer allocation weighs layers by it).
 */
final class ProducerStream {
    /** Unanswered keyframe requests are repeated after this long. */
    private static final long KEYFRAME_RETRY_NANOS = 1_000_000_000L;
    /** A stream silent for this long no longer counts as an available layer. */
    static final long INACTIVE_NANOS = 2_000_000_000L;

    final int index;
    final String rid;
    /** {@link #rid} as the bytes a packet's RID extension is compared with; null when there is none. */
    final byte[] ridBytes;
    final RtpCodecParameters codec;
    final int temporalLayers;
    final RtpStreamRecv recv;
    final PacketStore store;
    final KeyFrameRequests keyFrames;
    /** 0 until known: signalled, or learned from the first packet matched by MID/RID. */
    int ssrc;
    int rtxSsrc;
    int firSequence;
    int lastOrientation = -1;
    /** Bytes received per temporal layer (TID; packets without one count as layer 0) since the last update. */
    private final long[] temporalBytes;
    /** bit/s of temporal layers 0..t together, smoothed over intervals; 0 until a full interval was seen. */
    private final long[] temporalBitrates;
    private long temporalAtNanos;

    ProducerStream(ProducerRtpInfo.Encoding encoding, RtpCodecParameters codec, boolean video, boolean nack,
            long keyFrameRequestDelayNanos) {
        this.index = encoding.index();
        this.rid = encoding.rid();
        this.ridBytes = RtpExtensions.asciiOrNull(rid);
        this.codec = codec;
        this.temporalLayers = Math.max(1, encoding.temporalLayers());
        this.recv = new RtpStreamRecv(codec.clockRate(), nack);
        // Video keeps ~1 s of packets at a few Mbit/s to answer NACKs; audio only when NACK was negotiated.
        this.store = video ? new PacketStore(1024) : nack ? new PacketStore(128) : null;
        this.keyFrames = new KeyFrameRequests(KEYFRAME_RETRY_NANOS, keyFrameRequestDelayNanos);
        this.ssrc = encoding.ssrc() == null ? 0 : encoding.ssrc().intValue();
        this.rtxSsrc = encoding.rtxSsrc() == null ? 0 : encoding.rtxSsrc().intValue();
        this.temporalBytes = new long[temporalLayers];
        this.temporalBitrates = new long[temporalLayers];
    }

    /** One packet of {@code length} bytes with temporal layer {@code tid} (-1: unknown) arrived. */
    void countTemporal(int tid, int length) {
        temporalBytes[tid <= 0 ? 0 : Math.min(tid, temporalBytes.length - 1)] += length;
    }

    /**
     * Once a second, with the stream's own bitrate: turns the bytes counted per temporal layer into
     * cumulative bitrates, since forwarding layer t means forwarding every layer below it too. Each new
     * figure is averaged with the previous one: a keyframe (often the one a layer switch asked for) can add a
     * third to one second's bytes, and the allocation must not take that for the layer's cost and switch
     * straight back down.
     */
    void updateTemporalBitrates(long nowNanos) {
        long elapsed = nowNanos - temporalAtNanos;
        long sum = 0;
        for (int t = 0; t < temporalBytes.length; t++) {
            sum += temporalBytes[t];
            temporalBytes[t] = 0;
            if (temporalAtNanos != 0 && elapsed > 0) {
                long measured = sum * 8 * 1_000_000_000L / elapsed;
                long previous = temporalBitrates[t];
                temporalBitrates[t] = previous == 0 ? measured : (previous + measured) / 2;
            }
        }
        temporalAtNanos = nowNanos;
    }

    /** bit/s of temporal layers 0..{@code temporal} (clamped to the layers there are); 0 while unknown. */
    long bitrate(int temporal) {
        return temporalBitrates[Math.max(0, Math.min(temporal, temporalBitrates.length - 1))];
    }

    boolean active(long nowNanos) {
        return recv.started() && nowNanos - recv.lastPacketNanos() < INACTIVE_NANOS;
    }
}
