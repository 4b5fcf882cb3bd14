package dev.hongyan.media.rtp;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2) and the keyframe bit of the VP8 payload header that
 * follows it (§4.3). Absent optional fields are -1.
 *
 * @param headerLength descriptor bytes before the VP8 payload
 */
public record Vp8Descriptor(boolean nonReference, boolean startOfPartition, int partitionId,
                            int pictureId, int tl0PicIdx, int temporalLayerId, boolean layerSync, int keyIndex,
                            int headerLength, boolean keyframe) {

    /** The descriptor at the start of an RTP payload, or null if it is truncated. */
    public static Vp8Descriptor parse(byte[] buf, int off, int len) {
        if (len < 1) {
            return null;
        }
        int b0 = buf[off] & 0xFF;
        int i = 1;
        int pictureId = -1;
        int tl0 = -1;
        int tid = -1;
        boolean sync = false;
        int keyIndex = -1;
        if ((b0 & 0x80) != 0) {
            if (len < 2) {
                return null;
            }
            int x = buf[off + 1] & 0xFF;
            i = 2;
            if ((x & 0x80) != 0) {
                if (i >= len) {
                    return null;
                }
                if ((buf[off + i] & 0x80) != 0) {
                    if (i + 2 > len) {
                        return null;
                    }
                    pictureId = Bytes.u16(buf, off + i) & 0x7FFF;
                    i += 2;
                } else {
                    pictureId = buf[off + i] & 0x7F;
                    i++;
                }
            }
            if ((x & 0x40) != 0) {
                if (i >= len) {
                    return null;
                }
                tl0 = buf[off + i++] & 0xFF;
            }
            if ((x & 0x30) != 0) {
                if (i >= len) {
                    return null;
                }
                int tk = buf[off + i++] & 0xFF;
                if ((x & 0x20) != 0) {
                    tid = tk >>> 6;
                    sync = (tk & 0x20) != 0;
                }
                if ((x & 0x10) != 0) {
                    keyIndex = tk & 0x1F;
                }
            }
        }
        boolean start = (b0 & 0x10) != 0;
        int partition = b0 & 0x07;
        // §4.3: the P bit of the first payload byte is 0 for a keyframe, meaningful only at the
        // start of partition 0.
        boolean keyframe = start && partition == 0 && i < len && (buf[off + i] & 0x01) == 0;
        return new Vp8Descriptor((b0 & 0x20) != 0, start, partition, pictureId, tl0, tid, sync, keyIndex, i, keyframe);
    }

    /** True when this payload begins a VP8 keyframe. */
    public static boolean isKeyframe(byte[] buf, int off, int len) {
        Vp8Descriptor d = parse(buf, off, len);
        return d != null && d.keyframe();
    }
}
