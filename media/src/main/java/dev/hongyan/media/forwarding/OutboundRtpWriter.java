package dev.hongyan.media.forwarding;

import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import dev.hongyan.media.rtp.Rtx;
import java.nio.charset.StandardCharsets;

/**
 * Writes a consumer's copy of a producer packet: the producer's header with the consumer's SSRC, payload
 * type, sequence number and timestamp, and a header-extension block rebuilt with the consumer's
 * negotiated ids (RFC 8285 one-byte form). Only extensions the consumer negotiated and the SFU knows are
 * written: MID (the consumer's), abs-send-time (fresh), transport-wide sequence (the consumer transport's
 * own), audio level and video orientation (copied); everything else the producer sent is left out, since
 * its id means nothing to the consumer.
 */
public final class OutboundRtpWriter {
    private final int midId;
    private final byte[] mid;
    private final int absSendTimeId;
    private final int transportCcId;
    private final int audioLevelId;
    private final int videoOrientationId;

    /** Ids are 0 when not negotiated; ids above 14 do not fit the one-byte form and are dropped. */
    public OutboundRtpWriter(int midId, String mid, int absSendTimeId, int transportCcId, int audioLevelId,
            int videoOrientationId) {
        byte[] midBytes = mid == null ? new byte[0] : mid.getBytes(StandardCharsets.US_ASCII);
        this.midId = oneByte(midId) && midBytes.length > 0 && midBytes.length <= 16 ? midId : 0;
        this.mid = midBytes;
        this.absSendTimeId = oneByte(absSendTimeId) ? absSendTimeId : 0;
        this.transportCcId = oneByte(transportCcId) ? transportCcId : 0;
        this.audioLevelId = oneByte(audioLevelId) ? audioLevelId : 0;
        this.videoOrientationId = oneByte(videoOrientationId) ? videoOrientationId : 0;
    }

    private static boolean oneByte(int id) {
        return id >= 1 && id <= 14;
    }

    public boolean usesTransportCc() {
        return transportCcId != 0;
    }

    /**
     * Writes the consumer's packet at {@code out[0]}; returns its length, or -1 if {@code out} is too small.
     *
     * @param audioLevelAt       absolute offset of the producer's audio-level byte in the source, or -1;
     *                           from {@link RtpPacket#extensionByteOffset}, so never an empty element
     * @param videoOrientationAt absolute offset of the producer's CVO byte in the source, or -1 (likewise)
     */
    public int write(RtpPacket src, int audioLevelAt, int videoOrientationAt, int transportCcSeq, long nowNanos,
            int ssrc, int payloadType, int seq, int timestamp, byte[] out) {
        return write(src, audioLevelAt, videoOrientationAt, transportCcSeq, nowNanos, ssrc, payloadType, seq,
                timestamp, -1, out);
    }

    /**
     * Writes the consumer's copy straight in its RTX form (RFC 4588 §4): the RTX stream's SSRC, payload type
     * and sequence number, the copy's own sequence number ({@code osn}) ahead of the payload, and no padding,
     * exactly what {@link dev.hongyan.media.rtp.Rtx#encapsulate} makes of {@link #write}'s output, without
     * writing the plain copy first and parsing it again.
     */
    public int writeRtx(RtpPacket src, int audioLevelAt, int videoOrientationAt, int transportCcSeq, long nowNanos,
            int rtxSsrc, int rtxPayloadType, int rtxSeq, int osn, int timestamp, byte[] out) {
        return write(src, audioLevelAt, videoOrientationAt, transportCcSeq, nowNanos, rtxSsrc, rtxPayloadType,
                rtxSeq, timestamp, osn & 0xFFFF, out);
    }

    /** {@code osn} negative: a plain copy (payload and padding); otherwise RTX, the OSN before the bare payload. */
    private int write(RtpPacket src, int audioLevelAt, int videoOrientationAt, int transportCcSeq, long nowNanos,
            int ssrc, int payloadType, int seq, int timestamp, int osn, byte[] out) {
        byte[] in = src.buffer();
        int off = src.offset();
        int fixed = RtpPacket.FIXED_HEADER_LENGTH + 4 * src.csrcCount();
        int ext = 0;
        if (midId != 0) {
            ext += 1 + mid.length;
        }
        if (absSendTimeId != 0) {
            ext += 4;
        }
        if (transportCcId != 0) {
            ext += 3;
        }
        if (audioLevelId != 0 && audioLevelAt >= 0) {
            ext += 2;
        }
        if (videoOrientationId != 0 && videoOrientationAt >= 0) {
            ext += 2;
        }
        int extBlock = ext == 0 ? 0 : 4 + ((ext + 3) & ~3);
        boolean rtx = osn >= 0;
        int body = rtx ? src.payloadLength() : src.length() - src.headerLength(); // RTX drops the padding
        int osnLength = rtx ? Rtx.OSN_LENGTH : 0;
        int length = fixed + extBlock + osnLength + body;
        if (length > out.length) {
            return -1;
        }
        System.arraycopy(in, off, out, 0, fixed);
        out[0] = (byte) (ext == 0 ? out[0] & ~0x10 : out[0] | 0x10);
        if (rtx) {
            out[0] &= (byte) ~0x20;
        }
        out[1] = (byte) ((out[1] & 0x80) | (payloadType & 0x7F));
        put16(out, 2, seq);
        put32(out, 4, timestamp);
        put32(out, 8, ssrc);
        if (ext != 0) {
            int w = fixed;
            put16(out, w, RtpPacket.ONE_BYTE_PROFILE);
            put16(out, w + 2, (extBlock - 4) / 4);
            w += 4;
            if (midId != 0) {
                out[w++] = (byte) ((midId << 4) | (mid.length - 1));
                System.arraycopy(mid, 0, out, w, mid.length);
                w += mid.length;
            }
            if (absSendTimeId != 0) {
                out[w++] = (byte) ((absSendTimeId << 4) | 2);
                int ast = RtpExtensions.absSendTimeOf(nowNanos);
                out[w++] = (byte) (ast >>> 16);
                out[w++] = (byte) (ast >>> 8);
                out[w++] = (byte) ast;
            }
            if (transportCcId != 0) {
                out[w++] = (byte) ((transportCcId << 4) | 1);
                put16(out, w, transportCcSeq);
                w += 2;
            }
            if (audioLevelId != 0 && audioLevelAt >= 0) {
                out[w++] = (byte) (audioLevelId << 4);
                out[w++] = in[audioLevelAt];
            }
            if (videoOrientationId != 0 && videoOrientationAt >= 0) {
                out[w++] = (byte) (videoOrientationId << 4);
                out[w++] = in[videoOrientationAt];
            }
            while (w < fixed + extBlock) {
                out[w++] = 0;
            }
        }
        if (rtx) {
            put16(out, fixed + extBlock, osn);
        }
        System.arraycopy(in, off + src.headerLength(), out, fixed + extBlock + osnLength, body);
        return length;
    }

    private static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    private static void put32(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
