package dev.hongyan.media.forwarding;

import dev.hongyan.media.rtp.Vp8PayloadDescriptor;

/**
 * What one consumer keeps about the VP8 stream it forwards (mediasoup's VP8 {@code EncodingContext}): it
 * chooses the temporal layers to forward and keeps the payload descriptor's PictureID and TL0PICIDX
 * (RFC 7741 §4.2) continuous for the receiver, whichever simulcast encoding the packets come from.
 *
 * <p><b>Why rewrite.</b> Each simulcast encoding numbers its pictures on its own. A receiver that sees the
 * PictureID jump at a layer switch takes the pictures in between as lost, and libwebrtc's VP8 reference
 * finder then waits for them or asks for a keyframe. So at each anchor (the keyframe that starts a new
 * source, or the first one after a pause) the output continues from the last number sent, and pictures
 * dropped on purpose are squeezed out of the numbering, as {@link SeqRewriter#skip} does for sequence
 * numbers. A field is written in the width it came in (7 or 15 bits for PictureID; TL0PICIDX is 8 bits),
 * since changing the width would move the payload; continuity then holds modulo that width.
 *
 * <p><b>Temporal layers.</b> Pictures above the target temporal layer are dropped. Stepping down is
 * immediate (at the next picture; the one in flight is finished so the receiver gets no torn frame).
 * Stepping up one layer waits for a picture of that layer with the layer-sync bit Y, which depends only on
 * the base layer and so on nothing that was dropped; a keyframe allows every layer at once. A decision is
 * made per picture, at its first packet to arrive, and holds for its other packets; late packets of
 * pictures dropped on purpose are dropped too.
 *
 * <p>Loop-confined and allocation-free, like the rest of the forwarding path.
 */
public final class Vp8EncodingContext {
    /** Pictures dropped on purpose that are remembered for numbering late packets (a few seconds' worth). */
    static final int DROPPED_MEMORY = 128;

    private final int temporalLayers;
    private int targetTemporal;
    private int currentTemporal = -1;

    private boolean started;
    private final Renumbering pictureIds = new Renumbering();
    private final Renumbering tl0PicIdxs = new Renumbering();
    /** RTP timestamp of the newest picture and whether it is forwarded: the decision its other packets follow. */
    private int newestTimestamp;
    private boolean newestForwarded;
    /** Unwrapped PictureIDs dropped on purpose since the anchor. */
    private final DropMemory dropped = new DropMemory(DROPPED_MEMORY, 32);

    private int outPictureId = -1;
    private int outTl0PicIdx = -1;

    /** @param temporalLayers temporal layers the producer's encodings have (1 when not layered) */
    public Vp8EncodingContext(int temporalLayers) {
        this.temporalLayers = Math.max(1, temporalLayers);
        this.targetTemporal = this.temporalLayers - 1;
    }

    /** Layers above this are dropped; going down takes effect at the next picture, going up at a sync point. */
    public void setTargetTemporal(int layer) {
        targetTemporal = Math.max(0, Math.min(layer, temporalLayers - 1));
        if (currentTemporal > targetTemporal) {
            currentTemporal = targetTemporal;
        }
    }

    public int targetTemporal() {
        return targetTemporal;
    }

    /** The highest temporal layer forwarded now; -1 before the first picture. */
    public int currentTemporal() {
        return currentTemporal;
    }

    /**
     * Decides whether a source packet is forwarded and, if so, computes the PictureID and TL0PICIDX it is
     * sent with ({@link #outPictureId()}, {@link #outTl0PicIdx()}; write them with {@link #write}).
     *
     * @param descriptor the packet's VP8 payload descriptor, as the producer parsed it on receipt
     * @param keyFrame  the packet starts a keyframe
     * @param timestamp the source RTP timestamp, which tells pictures apart when there is no PictureID
     * @param anchor    the packet re-anchors the numbering: a keyframe starting a new source (a simulcast
     *                  switch) or the first packet after a pause
     * @return false when the packet must not be forwarded (dropped on purpose, or a descriptor that does
     *         not fit in the payload)
     */
    public boolean process(Vp8PayloadDescriptor descriptor, boolean keyFrame, int timestamp, boolean anchor) {
        if (!descriptor.valid()) {
            return false;
        }
        if (anchor || !started) {
            anchorAt(descriptor, timestamp);
            return true;
        }
        boolean hasPictureId = descriptor.pictureId() >= 0;
        if (hasPictureId && !pictureIds.started) {
            // The anchor had no PictureID: number from here as the source does, this being a new picture.
            pictureIds.startAt(descriptor.pictureId() - 1);
        }
        int inPictureId = hasPictureId ? unwrap(pictureIds.newestIn, descriptor.pictureId(),
                descriptor.widePictureId() ? 0x7FFF : 0x7F) : 0;
        boolean newer = hasPictureId ? inPictureId - pictureIds.newestIn > 0 : timestamp - newestTimestamp > 0;
        boolean same = hasPictureId ? inPictureId == pictureIds.newestIn : timestamp == newestTimestamp;
        int later = 0;
        if (newer) {
            boolean forward = decide(descriptor, keyFrame);
            newestTimestamp = timestamp;
            newestForwarded = forward;
            if (hasPictureId) {
                pictureIds.newestIn = inPictureId;
                if (!forward) {
                    pictureIds.offset--;
                    dropped.add(inPictureId);
                }
            }
            if (!forward) {
                return false;
            }
        } else if (same) {
            if (!newestForwarded) {
                return false;
            }
        } else if (hasPictureId) {
            later = dropped.newerThan(inPictureId);
            if (later < 0 || dropped.contains(inPictureId)) {
                return false;
            }
        } else if (descriptor.temporalLayerId() > currentTemporal) {
            return false;
        }
        if (hasPictureId) {
            int out = inPictureId + pictureIds.offset + later;
            outPictureId = out & 0x7FFF;
            pictureIds.sent(out);
        } else {
            outPictureId = -1;
        }
        mapTl0(descriptor, newer);
        return true;
    }

    /** The PictureID the last forwarded packet gets (15 bits; written in the packet's own width), or -1. */
    public int outPictureId() {
        return outPictureId;
    }

    /** The TL0PICIDX the last forwarded packet gets, or -1 when it has none. */
    public int outTl0PicIdx() {
        return outTl0PicIdx;
    }

    /**
     * Writes the last computed values into the consumer's copy of the packet, whose payload is at {@code at} and
     * starts with the descriptor just {@link #process processed} (the copy keeps the source's layout).
     */
    public void write(byte[] out, int at, Vp8PayloadDescriptor descriptor) {
        write(out, at, descriptor, outPictureId, outTl0PicIdx);
    }

    /**
     * Writes a PictureID and a TL0PICIDX into the VP8 payload descriptor at {@code buf[at...]}, whose layout
     * {@code descriptor} parsed: each only where the descriptor has that field and the value is not -1; a 7-bit
     * PictureID gets the low 7 bits. Used again when a packet is resent, with the values it was first sent with.
     */
    public static void write(byte[] buf, int at, Vp8PayloadDescriptor descriptor, int pictureId, int tl0PicIdx) {
        int pictureIdAt = descriptor.pictureIdAt();
        if (pictureIdAt >= 0 && pictureId >= 0) {
            if (descriptor.widePictureId()) {
                buf[at + pictureIdAt] = (byte) (0x80 | ((pictureId >>> 8) & 0x7F));
                buf[at + pictureIdAt + 1] = (byte) pictureId;
            } else {
                buf[at + pictureIdAt] = (byte) (pictureId & 0x7F);
            }
        }
        if (descriptor.tl0PicIdxAt() >= 0 && tl0PicIdx >= 0) {
            buf[at + descriptor.tl0PicIdxAt()] = (byte) tl0PicIdx;
        }
    }

    private void anchorAt(Vp8PayloadDescriptor descriptor, int timestamp) {
        // A keyframe: every layer up to the target can be decoded from here.
        currentTemporal = targetTemporal;
        newestTimestamp = timestamp;
        newestForwarded = true;
        dropped.clear();
        outPictureId = descriptor.pictureId() >= 0 ? pictureIds.anchorAt(descriptor.pictureId()) & 0x7FFF : -1;
        outTl0PicIdx = descriptor.tl0PicIdx() >= 0 ? tl0PicIdxs.anchorAt(descriptor.tl0PicIdx()) & 0xFF : -1;
        started = true;
    }

    /** Pictures of the base layer are never dropped, so TL0PICIDX needs only its offset, no squeezing. */
    private void mapTl0(Vp8PayloadDescriptor descriptor, boolean newerPicture) {
        int tl0PicIdx = descriptor.tl0PicIdx();
        if (tl0PicIdx < 0) {
            outTl0PicIdx = -1;
            return;
        }
        if (!tl0PicIdxs.started) {
            tl0PicIdxs.startAt(tl0PicIdx);
        }
        int in = unwrap(tl0PicIdxs.newestIn, tl0PicIdx, 0xFF);
        if (newerPicture && in - tl0PicIdxs.newestIn > 0) {
            tl0PicIdxs.newestIn = in;
        }
        int out = in + tl0PicIdxs.offset;
        tl0PicIdxs.sent(out);
        outTl0PicIdx = out & 0xFF;
    }

    private boolean decide(Vp8PayloadDescriptor descriptor, boolean keyFrame) {
        int tid = descriptor.temporalLayerId();
        if (temporalLayers <= 1 || tid < 0) {
            return true; // not layered: nothing to choose
        }
        if (keyFrame) {
            currentTemporal = targetTemporal;
            return true;
        }
        if (tid > targetTemporal) {
            return false;
        }
        if (tid > currentTemporal) {
            // One layer at a time: a sync picture of layer n+1 needs layer n to be complete already.
            if (descriptor.layerSync() && tid == currentTemporal + 1) {
                currentTemporal = tid;
                return true;
            }
            return false;
        }
        return true;
    }

    /** {@code value} (a field of {@code mask + 1} values) placed nearest to the unwrapped {@code reference}. */
    static int unwrap(int reference, int value, int mask) {
        int delta = (value - reference) & mask;
        if (delta > (mask >>> 1)) {
            delta -= mask + 1;
        }
        return reference + delta;
    }

    /**
     * The renumbering of one continuity counter (PictureID, TL0PICIDX): source values are unwrapped relative to
     * the newest one seen and shifted by {@code offset}, and the output never goes back past {@code maxOut}, so a
     * receiver sees one unbroken sequence across layer switches. Loop-confined, like its context.
     */
    private static final class Renumbering {
        boolean started;
        /** Newest source value, unwrapped across its wraps. */
        int newestIn;
        int offset;
        int maxOut;

        /** Numbers from {@code newest} on as the source does (offset 0). */
        void startAt(int newest) {
            newestIn = newest;
            maxOut = newest;
            offset = 0;
            started = true;
        }

        /** Output value {@code out} (unmasked) went out: the highest sent so far, if above the last. */
        void sent(int out) {
            if (out - maxOut > 0) {
                maxOut = out;
            }
        }

        /**
         * At a keyframe: source value {@code in} continues the output one past the highest sent (or keeps its own
         * value when nothing was sent yet); returns that output value, unmasked.
         */
        int anchorAt(int in) {
            int next = started ? maxOut + 1 : in;
            newestIn = in; // the source value itself is where its unwrapped numbering starts
            offset = next - in;
            maxOut = next;
            started = true;
            return next;
        }
    }
}
