package dev.hongyan.media.rtp;

/**
 * For tests: an immutable copy of what {@link Vp8PayloadDescriptor} (the engine's reusable parser) reads of the
 * VP8 payload descriptor (RFC 7741 §4.2) and the keyframe bit after it (§4.3), to keep what a peer received and
 * compare it later. Absent optional fields are -1.
 *
 * @param headerLength descriptor bytes before the VP8 payload
 */
public record Vp8Descriptor(boolean nonReference, boolean startOfPartition, int partitionId,
                            int pictureId, int tl0PicIdx, int temporalLayerId, boolean layerSync, int keyIndex,
                            int headerLength, boolean keyframe) {

    /** The descriptor at the start of an RTP payload, or null if it is truncated. */
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
