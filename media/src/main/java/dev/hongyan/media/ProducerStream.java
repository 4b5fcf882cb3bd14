package dev.hongyan.media;

import dev.hongyan.media.forwarding.KeyFrameRequests;
import dev.hongyan.media.forwarding.PacketStore;
import dev.hongyan.media.forwarding.RtpStreamRecv;
import dev.hongyan.media.ortc.ProducerRtpInfo;
import dev.hongyan.media.ortc.RtpCodecParameters;
import dev.hongyan.media.rtp.RtpExtensions;

/** One RTP stream (encoding) of a producer: its identity, receive state, packet store and keyframe requests. */
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
    }

    boolean active(long nowNanos) {
        return recv.started() && nowNanos - recv.lastPacketNanos() < INACTIVE_NANOS;
    }
}
