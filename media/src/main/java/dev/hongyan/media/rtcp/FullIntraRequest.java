package dev.hongyan.media.rtcp;

import java.util.List;

/**
 * FIR (RFC 5104 §4.3.1): PSFB, FMT 4. The media source SSRC of the common header is unused (0);
 * each FCI entry names the target SSRC and a command sequence number the sender increments per new
 * request, so a repeated request is recognised.
 */
public record FullIntraRequest(int senderSsrc, List<Entry> entries) implements RtcpPacket {
    public static final int FMT = 4;

    public FullIntraRequest {
        entries = List.copyOf(entries);
    }

    public record Entry(int ssrc, int sequenceNumber) {
        public Entry {
            if ((sequenceNumber & ~0xFF) != 0) {
                throw new IllegalArgumentException("FIR sequence number is 8 bits");
            }
        }
    }

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int marshalSize() {
        return 12 + 8 * entries.size();
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, FMT, PSFB, size);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, 0);
        for (int i = 0; i < entries.size(); i++) {
            int w = off + 12 + 8 * i;
            Bytes.put32(buf, w, entries.get(i).ssrc());
            Bytes.put32(buf, w + 4, (long) entries.get(i).sequenceNumber() << 24);
        }
        return size;
    }

    static FullIntraRequest decode(byte[] b, int at, int len) {
        Bytes.require(len >= 8, "FIR without its SSRCs");
        int count = (len - 8) / 8;
        Entry[] entries = new Entry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = new Entry(Bytes.i32(b, at + 8 + 8 * i), Bytes.u8(b, at + 12 + 8 * i));
        }
        return new FullIntraRequest(Bytes.i32(b, at), List.of(entries));
    }
}
