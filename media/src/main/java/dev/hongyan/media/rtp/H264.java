package dev.hongyan.media.rtp;

/** H.264 RTP payloads (RFC 6184 §5.2): which ones start a keyframe. */
public final class H264 {
    static final int NAL_IDR = 5;
    static final int NAL_SPS = 7;
    static final int STAP_A = 24;
    static final int FU_A = 28;

    private H264() {
    }

    /**
     * True for an IDR slice or an SPS, whether sent as a single NAL unit, inside a STAP-A
     * aggregate, or as the first fragment of an FU-A. An SPS counts because senders put it right
     * before the IDR, and forwarding can switch layers from there.
     */
    public static boolean isKeyframe(byte[] buf, int off, int len) {
        if (len < 1) {
            return false;
        }
        int type = buf[off] & 0x1F;
        if (type == STAP_A) {
            int i = 1;
            while (i + 2 < len) {
                int size = Bytes.u16(buf, off + i);
                if (size == 0 || i + 2 + size > len) {
                    return false;
                }
                if (isKeyNal(buf[off + i + 2] & 0x1F)) {
                    return true;
                }
                i += 2 + size;
            }
            return false;
        }
        if (type == FU_A) {
            return len >= 2 && (buf[off + 1] & 0x80) != 0 && isKeyNal(buf[off + 1] & 0x1F);
        }
        return isKeyNal(type);
    }

    private static boolean isKeyNal(int type) {
        return type == NAL_IDR || type == NAL_SPS;
    }
}
