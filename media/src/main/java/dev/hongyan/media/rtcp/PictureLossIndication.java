package dev.hongyan.media.rtcp;

/** PLI (RFC 4585 §6.3.1): PSFB, FMT 1, no FCI. */
public record PictureLossIndication(int senderSsrc, int mediaSsrc) implements RtcpPacket {
    public static final int FMT = 1;

    @Override
    public int packetType() {
        return PSFB;
    }

    @Override
    public int marshalSize() {
        return 12;
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        Bytes.header(buf, off, FMT, PSFB, 12);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        return 12;
    }

    static PictureLossIndication decode(byte[] b, int at, int len) {
        Bytes.require(len >= 8, "PLI without its SSRCs");
        return new PictureLossIndication(Bytes.i32(b, at), Bytes.i32(b, at + 4));
    }
}
