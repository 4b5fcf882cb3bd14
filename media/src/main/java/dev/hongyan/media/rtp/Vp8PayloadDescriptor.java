package dev.hongyan.media.rtp;

/**
 * The VP8 payload descriptor (RFC 7741 §4.2) of one packet, parsed in place into this reusable object, and
 * the keyframe bit of the payload header after it (§4.3). The producer parses each received packet once and
 * every consumer reads the result, so the forwarding path neither walks the descriptor per consumer nor
 * allocates per packet. Loop-confined; valid until the next {@link #parse}. Absent fields are -1, and so are
 * the offsets (relative to the payload start) of the fields a consumer rewrites in place.
 */
public final class Vp8PayloadDescriptor {

    private boolean nonReference;
    private boolean startOfPartition;
    private int partitionId;
    private int pictureId;
    private int pictureIdAt;
    private boolean widePictureId;
    private int tl0PicIdx;
    private int tl0PicIdxAt;
    private int temporalLayerId;
    private boolean layerSync;
    private int keyIndex;
    private int headerLength;
    private boolean keyframe;
    private boolean valid;

    /** Parses the descriptor at the start of an RTP payload; false when it is truncated (fields then absent). */
    public boolean parse(byte[] buf, int off, int len) {
        clearOptionalFields();
        valid = read(buf, off, len);
        if (!valid) {
            clearOptionalFields(); // a field read before the cut must not leave an offset behind
        }
        return valid;
    }

    private void clearOptionalFields() {
        pictureId = -1;
        pictureIdAt = -1;
        widePictureId = false;
        tl0PicIdx = -1;
        tl0PicIdxAt = -1;
        temporalLayerId = -1;
        layerSync = false;
        keyIndex = -1;
        keyframe = false;
    }

    private boolean read(byte[] buf, int off, int len) {
        if (len < 1) {
            return false;
        }
        int b0 = buf[off] & 0xFF;
        nonReference = (b0 & 0x20) != 0;
        startOfPartition = (b0 & 0x10) != 0;
        partitionId = b0 & 0x07;
        int i = 1;
        if ((b0 & 0x80) != 0) {
            if (len < 2) {
                return false;
            }
            int x = buf[off + 1] & 0xFF;
            i = 2;
            if ((x & 0x80) != 0) {
                if (i >= len) {
                    return false;
                }
                pictureIdAt = i;
                if ((buf[off + i] & 0x80) != 0) {
                    if (i + 2 > len) {
                        return false;
                    }
                    widePictureId = true;
                    pictureId = Bytes.u16(buf, off + i) & 0x7FFF;
                    i += 2;
                } else {
                    pictureId = buf[off + i] & 0x7F;
                    i++;
                }
            }
            if ((x & 0x40) != 0) {
                if (i >= len) {
                    return false;
                }
                tl0PicIdxAt = i;
                tl0PicIdx = buf[off + i++] & 0xFF;
            }
            if ((x & 0x30) != 0) {
                if (i >= len) {
                    return false;
                }
                int tk = buf[off + i++] & 0xFF;
                if ((x & 0x20) != 0) {
                    temporalLayerId = tk >>> 6;
                    layerSync = (tk & 0x20) != 0;
                }
                if ((x & 0x10) != 0) {
                    keyIndex = tk & 0x1F;
                }
            }
        }
        headerLength = i;
        // §4.3: the P bit of the first payload byte is 0 for a keyframe, meaningful only at the start of
        // partition 0.
        keyframe = startOfPartition && partitionId == 0 && i < len && (buf[off + i] & 0x01) == 0;
        return true;
    }

    /** The last {@link #parse} found a whole descriptor. */
    public boolean valid() {
        return valid;
    }

    public boolean nonReference() {
        return nonReference;
    }

    public boolean startOfPartition() {
        return startOfPartition;
    }

    public int partitionId() {
        return partitionId;
    }

    /** The PictureID (7 or 15 bits), or -1. */
    public int pictureId() {
        return pictureId;
    }

    /** Where the PictureID field starts, from the payload start, or -1. */
    public int pictureIdAt() {
        return pictureIdAt;
    }

    /** The PictureID came in 15 bits (M bit set), not 7. */
    public boolean widePictureId() {
        return widePictureId;
    }

    public int tl0PicIdx() {
        return tl0PicIdx;
    }

    /** Where the TL0PICIDX field is, from the payload start, or -1. */
    public int tl0PicIdxAt() {
        return tl0PicIdxAt;
    }

    public int temporalLayerId() {
        return temporalLayerId;
    }

    public boolean layerSync() {
        return layerSync;
    }

    public int keyIndex() {
        return keyIndex;
    }

    /** Descriptor bytes before the VP8 payload. */
    public int headerLength() {
        return headerLength;
    }

    public boolean keyframe() {
        return keyframe;
    }
}
