package dev.hongyan.media.rtp;

import java.nio.charset.StandardCharsets;

/**
 * Typed readers and writers for the header extensions an SFU cares about. The id of each is
 * negotiated per session (extmap), so every method takes it. Readers return null or -1 when the
 * extension is absent or has the wrong size; writers return the new packet length or -1, as
 * {@link RtpPacket#setExtension} does.
 */
public final class RtpExtensions {
    public static final String URI_MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
    public static final String URI_RID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
    public static final String URI_REPAIRED_RID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
    public static final String URI_ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
    public static final String URI_TRANSPORT_WIDE_CC =
            "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
    public static final String URI_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
    public static final String URI_VIDEO_ORIENTATION = "urn:3gpp:video-orientation";

    private RtpExtensions() {
    }

    /** MID, RID and repaired RID are all RFC 8852 SDES-item strings; this reads any of them. */
    public static String text(RtpPacket p, int id) {
        int at = p.extensionOffset(id);
        if (at < 0) {
            return null;
        }
        int length = p.extensionLength(id);
        // RFC 8852 §3.1: a receiver ignores trailing NUL bytes some senders add.
        while (length > 0 && p.buffer()[at + length - 1] == 0) {
            length--;
        }
        return new String(p.buffer(), at, length, StandardCharsets.US_ASCII);
    }

    /**
     * Whether extension {@code id} is present and holds exactly {@code ascii} (trailing NULs ignored, as
     * {@link #text} does), compared in place: packets of an SSRC nobody claims are checked on every arrival,
     * and a String per check would be garbage per packet. A null {@code ascii} matches nothing.
     */
    public static boolean textEquals(RtpPacket p, int id, byte[] ascii) {
        int at = p.extensionOffset(id);
        if (at < 0 || ascii == null) {
            return false;
        }
        byte[] b = p.buffer();
        int length = p.extensionLength(id);
        while (length > 0 && b[at + length - 1] == 0) {
            length--;
        }
        return java.util.Arrays.equals(b, at, at + length, ascii, 0, ascii.length);
    }

    /**
     * The bytes {@link #textEquals} compares with: {@code value} in US-ASCII, or null when it is null or not
     * ASCII (what {@link #text} decodes from a packet is ASCII or U+FFFD, so such a value never matched).
     */
    public static byte[] asciiOrNull(String value) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) >= 0x80) {
                return null;
            }
        }
        return value.getBytes(StandardCharsets.US_ASCII);
    }

    public static int setText(RtpPacket p, int id, String value) {
        return p.setExtension(id, value.getBytes(StandardCharsets.US_ASCII));
    }

    public static String mid(RtpPacket p, int id) {
        return text(p, id);
    }

    public static String rid(RtpPacket p, int id) {
        return text(p, id);
    }

    public static String repairedRid(RtpPacket p, int id) {
        return text(p, id);
    }

    /** The 24-bit 6.18 fixed-point seconds of abs-send-time, or -1. */
    public static int absSendTime(RtpPacket p, int id) {
        int at = p.extensionOffset(id);
        return at < 0 || p.extensionLength(id) != 3 ? -1 : Bytes.u24(p.buffer(), at);
    }

    public static int setAbsSendTime(RtpPacket p, int id, int value) {
        byte[] v = new byte[3];
        Bytes.put24(v, 0, value);
        return p.setExtension(id, v);
    }

    /** abs-send-time for a monotonic clock reading: seconds in 6.18 fixed point, modulo 64 s. */
    public static int absSendTimeOf(long nanos) {
        long seconds = nanos / 1_000_000_000L;
        long fraction = ((nanos % 1_000_000_000L) << 18) / 1_000_000_000L;
        return (int) (((seconds << 18) | fraction) & 0xFFFFFF);
    }

    /** The transport-wide sequence number (draft-holmer-rmcat-transport-wide-cc-extensions-01), or -1. */
    public static int transportWideSequence(RtpPacket p, int id) {
        int at = p.extensionOffset(id);
        return at < 0 || p.extensionLength(id) != 2 ? -1 : Bytes.u16(p.buffer(), at);
    }

    public static int setTransportWideSequence(RtpPacket p, int id, int sequence) {
        byte[] v = new byte[2];
        Bytes.put16(v, 0, sequence);
        return p.setExtension(id, v);
    }

    /** RFC 6464 audio level, or null. */
    public static AudioLevel audioLevel(RtpPacket p, int id) {
        int at = p.extensionOffset(id);
        // One byte; some senders pad the element to more, and the first byte is still the level.
        return at < 0 || p.extensionLength(id) < 1 ? null : AudioLevel.decode(p.buffer()[at]);
    }

    public static int setAudioLevel(RtpPacket p, int id, AudioLevel level) {
        return p.setExtension(id, new byte[] {level.encode()});
    }

    /** 3GPP CVO, or null. */
    public static VideoOrientation videoOrientation(RtpPacket p, int id) {
        int at = p.extensionOffset(id);
        return at < 0 || p.extensionLength(id) < 1 ? null : VideoOrientation.decode(p.buffer()[at]);
    }

    public static int setVideoOrientation(RtpPacket p, int id, VideoOrientation orientation) {
        return p.setExtension(id, new byte[] {orientation.encode()});
    }
}
