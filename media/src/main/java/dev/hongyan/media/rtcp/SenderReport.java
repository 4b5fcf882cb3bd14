package dev.hongyan.media.rtcp;

import java.util.List;

/** SR (RFC 3550 §6.4.1). The NTP timestamp is the full 64-bit value; the RTP timestamp is raw 32 bits. */
public record SenderReport(int ssrc, long ntpTimestamp, int rtpTimestamp, long packetCount, long octetCount,
                           List<ReportBlock> reports) implements RtcpPacket {
    public SenderReport {
        reports = List.copyOf(reports);
        ReportBlock.requireCount(reports);
    }

    @Override
    public int packetType() {
        return SR;
    }

    @Override
    public int marshalSize() {
        return 28 + ReportBlock.SIZE * reports.size();
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, reports.size(), SR, size);
        Bytes.put32(buf, off + 4, ssrc);
        Bytes.put64(buf, off + 8, ntpTimestamp);
        Bytes.put32(buf, off + 16, rtpTimestamp);
        Bytes.put32(buf, off + 20, packetCount);
        Bytes.put32(buf, off + 24, octetCount);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).encode(buf, off + 28 + i * ReportBlock.SIZE);
        }
        return size;
    }

    /** Profile-specific extensions after the blocks (§6.4.1) are ignored. */
    static SenderReport decode(int count, byte[] b, int at, int len) {
        Bytes.require(len >= 24 + count * ReportBlock.SIZE, "SR shorter than its report count");
        return new SenderReport(Bytes.i32(b, at), Bytes.i64(b, at + 4), Bytes.i32(b, at + 12),
                Bytes.u32(b, at + 16), Bytes.u32(b, at + 20), ReportBlock.decodeAll(b, at + 24, count));
    }
}
