package dev.hongyan.media.rtcp;

/**
 * A reception report block (RFC 3550 §6.4.1). Unsigned 32-bit fields are longs; the cumulative
 * number lost is a signed 24-bit value (it goes negative with duplicates).
 */
public record ReportBlock(int ssrc, int fractionLost, int cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSenderReport, long delaySinceLastSenderReport) {
    static final int SIZE = 24;

    public ReportBlock {
        if (fractionLost < 0 || fractionLost > 255) {
            throw new IllegalArgumentException("fraction lost is 8 bits: " + fractionLost);
        }
        if (cumulativeLost < -0x800000 || cumulativeLost > 0x7FFFFF) {
            throw new IllegalArgumentException("cumulative lost is signed 24 bits: " + cumulativeLost);
        }
    }

    static ReportBlock decode(byte[] b, int at) {
        int lost = Bytes.u24(b, at + 5);
        return new ReportBlock(Bytes.i32(b, at), Bytes.u8(b, at + 4), (lost << 8) >> 8,
                Bytes.u32(b, at + 8), Bytes.u32(b, at + 12), Bytes.u32(b, at + 16), Bytes.u32(b, at + 20));
    }

    void encode(byte[] b, int at) {
        Bytes.put32(b, at, ssrc);
        b[at + 4] = (byte) fractionLost;
        Bytes.put24(b, at + 5, cumulativeLost & 0xFFFFFF);
        Bytes.put32(b, at + 8, extendedHighestSequence);
        Bytes.put32(b, at + 12, jitter);
        Bytes.put32(b, at + 16, lastSenderReport);
        Bytes.put32(b, at + 20, delaySinceLastSenderReport);
    }

    static java.util.List<ReportBlock> decodeAll(byte[] b, int at, int count) {
        ReportBlock[] blocks = new ReportBlock[count];
        for (int i = 0; i < count; i++) {
            blocks[i] = decode(b, at + i * SIZE);
        }
        return java.util.List.of(blocks);
    }

    static void requireCount(java.util.List<ReportBlock> reports) {
        if (reports.size() > 31) {
            throw new IllegalArgumentException("at most 31 report blocks per packet, got " + reports.size());
        }
    }
}
