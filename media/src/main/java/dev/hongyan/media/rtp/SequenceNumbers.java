package dev.hongyan.media.rtp;

/** 16-bit RTP sequence-number arithmetic in serial-number style (RFC 1982): half the space is "newer". */
public final class SequenceNumbers {
    private SequenceNumbers() {
    }

    /** True when {@code a} comes after {@code b}, allowing for wrap-around. */
    public static boolean isNewer(int a, int b) {
        int d = (a - b) & 0xFFFF;
        return d != 0 && d < 0x8000;
    }

    /** The signed distance from {@code b} to {@code a}, in [-32768, 32767]. */
    public static int delta(int a, int b) {
        return (short) (a - b);
    }

    /** The newer of the two. */
    public static int latest(int a, int b) {
        return isNewer(a, b) ? a : b;
    }
}
