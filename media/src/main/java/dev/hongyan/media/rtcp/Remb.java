package dev.hongyan.media.rtcp;

import java.util.List;

/**
 * Receiver Estimated Maximum Bitrate (draft-alvestrand-rmcat-remb-03): PSFB, FMT 15, FCI starting
 * with "REMB", the SSRC count, the bitrate as a 6-bit exponent and an 18-bit mantissa, then SSRCs.
 */
public record Remb(int senderSsrc, long bitrate, List<Integer> ssrcs) implements RtcpPacket {
    public static final int FMT = 15;
    private static final int IDENTIFIER = ('R' << 24) | ('E' << 16) | ('M' << 8) | 'B';

    public Remb {
        ssrcs = List.copyOf(ssrcs);
        if (bitrate < 0) {
            throw new IllegalArgumentException("bitrate is not negative");
        }
        if (ssrcs.size() > 255) {
            throw new IllegalArgumentException("at most 255 SSRCs per REMB");
        }
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int marshalSize() {
        return 20 + 4 * ssrcs.size();
    }

    /** The mantissa keeps the 18 most significant bits, so large rates are rounded down. */
    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, FMT, PSFB, size);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, 0);
        Bytes.put32(buf, off + 12, IDENTIFIER);
        int exponent = 0;
        long mantissa = bitrate;
        while (mantissa > 0x3FFFF) {
            mantissa >>>= 1;
            exponent++;
        }
        buf[off + 16] = (byte) ssrcs.size();
        Bytes.put24(buf, off + 17, (exponent << 18) | (int) mantissa);
        for (int i = 0; i < ssrcs.size(); i++) {
            Bytes.put32(buf, off + 20 + 4 * i, ssrcs.get(i));
        }
        return size;
    }

    static boolean matches(byte[] b, int at, int len) {
        return len >= 12 && Bytes.i32(b, at + 8) == IDENTIFIER;
    }

    static Remb decode(byte[] b, int at, int len) {
        Bytes.require(len >= 16, "REMB shorter than its fixed part");
        int count = Bytes.u8(b, at + 12);
        Bytes.require(len >= 16 + 4 * count, "REMB shorter than its SSRC count");
        int field = Bytes.u24(b, at + 13);
        int exponent = field >>> 18;
        long mantissa = field & 0x3FFFF;
        // An exponent that would overflow a long saturates rather than wrapping to nonsense.
        long bitrate = mantissa == 0 ? 0 : exponent > Long.numberOfLeadingZeros(mantissa) - 1
                ? Long.MAX_VALUE : mantissa << exponent;
        Integer[] ssrcs = new Integer[count];
        for (int i = 0; i < count; i++) {
            ssrcs[i] = Bytes.i32(b, at + 16 + 4 * i);
        }
        return new Remb(Bytes.i32(b, at), bitrate, List.of(ssrcs));
    }
}
