package dev.hongyan.media.rtp;

/**
 * The 3GPP coordination of video orientation (TS 26.114 §7.4.5, urn:3gpp:video-orientation): C
 * (back-facing camera), F (horizontal flip) and R (rotation in quarter turns, 0..3).
 */
public record VideoOrientation(boolean backCamera, boolean flipped, int rotation) {
    public VideoOrientation {
        if (rotation < 0 || rotation > 3) {
            throw new IllegalArgumentException("rotation is 0..3 quarter turns, got " + rotation);
        }
    }

    public int rotationDegrees() {
        return rotation * 90;
    }

    byte encode() {
        return (byte) ((backCamera ? 0x08 : 0) | (flipped ? 0x04 : 0) | rotation);
    }

    static VideoOrientation decode(byte b) {
        return new VideoOrientation((b & 0x08) != 0, (b & 0x04) != 0, b & 0x03);
    }
}
