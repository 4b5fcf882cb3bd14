package dev.hongyan.media.rtcp;

/** Big-endian field access for RTCP. */
final class Bytes {
    private Bytes() {
    }

    static int u8(byte[] b, int at) {
        return b[at] & 0xFF;
    }

    static int u16(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    static int u24(byte[] b, int at) {
        return ((b[at] & 0xFF) << 16) | ((b[at + 1] & 0xFF) << 8) | (b[at + 2] & 0xFF);
    }

    static int i32(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }

    static long u32(byte[] b, int at) {
        return i32(b, at) & 0xFFFFFFFFL;
    }

    static long i64(byte[] b, int at) {
        return ((long) i32(b, at) << 32) | u32(b, at + 4);
    }

    static void put16(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 8);
        b[at + 1] = (byte) v;
    }

    static void put24(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 16);
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) v;
    }

    static void put32(byte[] b, int at, long v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    static void put64(byte[] b, int at, long v) {
        put32(b, at, v >>> 32);
        put32(b, at + 4, v);
    }

    /** Writes the common header (RFC 3550 §6.4.1): V=2, no padding, count or FMT, type, length in words - 1. */
    static void header(byte[] b, int at, int countOrFormat, int packetType, int totalLength) {
        b[at] = (byte) (0x80 | countOrFormat);
        b[at + 1] = (byte) packetType;
        put16(b, at + 2, totalLength / 4 - 1);
    }

    static int padded(int length) {
        return (length + 3) & ~3;
    }

    /**
     * Fills {@code [off+used, off+size)} as RTCP padding (RFC 3550 §6.4.1): zeros, the count in
     * the last byte, and the P bit set. Nothing to do when the content is already aligned.
     */
    static void pad(byte[] b, int off, int used, int size) {
        if (used == size) {
            return;
        }
        for (int i = off + used; i < off + size; i++) {
            b[i] = 0;
        }
        b[off + size - 1] = (byte) (size - used);
        b[off] |= 0x20;
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new RtcpParseException(message);
        }
    }
}
