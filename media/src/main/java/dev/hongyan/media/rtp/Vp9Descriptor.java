package dev.hongyan.media.rtp;

/**
 * The VP9 payload descriptor (RFC 9628 §4.2). Absent optional fields are -1. A keyframe is a
 * picture that is not inter-predicted (P=0), starting here (B=1), on the base spatial layer.
 *
 * @param headerLength descriptor bytes before the VP9 payload, scalability structure included
 */
public record Vp9Descriptor(boolean pictureIdPresent, boolean interPredicted, boolean layerIndicesPresent,
                            boolean flexibleMode, boolean startOfFrame, boolean endOfFrame,
                            boolean scalabilityStructurePresent, boolean notReferenceForUpperSpatial,
                            int pictureId, int temporalLayerId, boolean switchingUp, int spatialLayerId,
                            boolean interLayerDependency, int tl0PicIdx, int headerLength) {

    public boolean keyframe() {
        return !interPredicted && startOfFrame && (spatialLayerId <= 0);
    }

    /** The descriptor at the start of an RTP payload, or null if it is truncated. */
    public static Vp9Descriptor parse(byte[] buf, int off, int len) {
        if (len < 1) {
            return null;
        }
        int b0 = buf[off] & 0xFF;
        boolean iFlag = (b0 & 0x80) != 0;
        boolean p = (b0 & 0x40) != 0;
        boolean l = (b0 & 0x20) != 0;
        boolean f = (b0 & 0x10) != 0;
        boolean v = (b0 & 0x02) != 0;
        int i = 1;
        int pictureId = -1;
        if (iFlag) {
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
                pictureId = buf[off + i++] & 0x7F;
            }
        }
        int tid = -1;
        int sid = -1;
        boolean u = false;
        boolean d = false;
        int tl0 = -1;
        if (l) {
            if (i >= len) {
                return null;
            }
            int li = buf[off + i++] & 0xFF;
            tid = li >>> 5;
            u = (li & 0x10) != 0;
            sid = (li >>> 1) & 0x07;
            d = (li & 0x01) != 0;
            if (!f) {
                if (i >= len) {
                    return null;
                }
                tl0 = buf[off + i++] & 0xFF;
            }
        }
        if (f && p) {
            // Up to three P_DIFF bytes, each saying with its N bit whether another follows.
            for (int n = 0; ; n++) {
                if (i >= len || n == 3) {
                    return null;
                }
                if ((buf[off + i++] & 0x01) == 0) {
                    break;
                }
            }
        }
        if (v) {
            i = skipScalabilityStructure(buf, off, len, i);
            if (i < 0) {
                return null;
            }
        }
        return new Vp9Descriptor(iFlag, p, l, f, (b0 & 0x08) != 0, (b0 & 0x04) != 0, v, (b0 & 0x01) != 0,
                pictureId, tid, u, sid, d, tl0, i);
    }

    /** §4.2.1: N_S|Y|G, then optional resolutions and picture-group description. */
    private static int skipScalabilityStructure(byte[] buf, int off, int len, int i) {
        if (i >= len) {
            return -1;
        }
        int ss = buf[off + i++] & 0xFF;
        int spatialLayers = (ss >>> 5) + 1;
        if ((ss & 0x10) != 0) {
            i += 4 * spatialLayers;
        }
        if ((ss & 0x08) != 0) {
            if (i >= len) {
                return -1;
            }
            int groups = buf[off + i++] & 0xFF;
            for (int g = 0; g < groups; g++) {
                if (i >= len) {
                    return -1;
                }
                int references = (buf[off + i++] >>> 2) & 0x03;
                i += references;
            }
        }
        return i <= len ? i : -1;
    }

    public static boolean isKeyframe(byte[] buf, int off, int len) {
        Vp9Descriptor d = parse(buf, off, len);
        return d != null && d.keyframe();
    }
}
