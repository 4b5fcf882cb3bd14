package dev.hongyan.media.rtcp;

import java.util.List;

/** RR (RFC 3550 §6.4.2). */
public record ReceiverReport(int ssrc, List<ReportBlock> reports) implements RtcpPacket {
    public ReceiverReport {
        reports = List.copyOf(reports);
        ReportBlock.requireCount(reports);
    }

    @Override
    public int packetType() {
        return RR;
    }

    @Override
    public int marshalSize() {
        return 8 + ReportBlock.SIZE * reports.size();
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, reports.size(), RR, size);
        Bytes.put32(buf, off + 4, ssrc);
        for (int i = 0; i < reports.size(); i++) {
            reports.get(i).encode(buf, off + 8 + i * ReportBlock.SIZE);
        }
        return size;
    }

    static ReceiverReport decode(int count, byte[] b, int at, int len) {
        Bytes.require(len >= 4 + count * ReportBlock.SIZE, "RR shorter than its report count");
        return new ReceiverReport(Bytes.i32(b, at), ReportBlock.decodeAll(b, at + 4, count));
    }
}
