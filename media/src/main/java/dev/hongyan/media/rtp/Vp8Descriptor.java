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

    /**
     * The descriptor at the start of an RTP payload, or null if it is truncated: an immutable copy of what
     * {@link Vp8PayloadDescriptor} parses, for code off the forwarding path.
     */
    public static Vp8Descriptor parse(byte[] buf, int off, int len) {
        Vp8PayloadDescriptor d = new Vp8PayloadDescriptor();
        if (!d.parse(buf, off, len)) {
            return null;
        }
        return new Vp8Descriptor(d.nonReference(), d.startOfPartition(), d.partitionId(), d.pictureId(),
                d.tl0PicIdx(), d.temporalLayerId(), d.layerSync(), d.keyIndex(), d.headerLength(), d.keyframe());
    }

    /** True when this payload begins a VP8 keyframe. */
    public static boolean isKeyframe(byte[] buf, int off, int len) {
        Vp8Descriptor d = parse(buf, off, len);
        return d != null && d.keyframe();
    }
}
