package dev.hongyan.media.rtcp;

import java.util.Arrays;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): RTPFB, FMT 15. Recognised and kept raw: its packet chunks and deltas are decoded by the
 * bandwidth estimator, not here. The fixed fields are exposed for routing and logging.
 */
public record TransportCcFeedback(int senderSsrc, int mediaSsrc, byte[] fci) implements RtcpPacket {
    public static final int FMT = 15;

    public TransportCcFeedback {
        fci = fci.clone();
    }

    @Override
    public byte[] fci() {
        return fci.clone();
    }

    /** Base sequence number, or -1 if the FCI is too short. */
    public int baseSequenceNumber() {
        return fci.length >= 8 ? Bytes.u16(fci, 0) : -1;
    }

    /** Packet status count, or -1 if the FCI is too short. */
    public int packetStatusCount() {
        return fci.length >= 8 ? Bytes.u16(fci, 2) : -1;
    }

    /** Feedback packet count (8 bits), or -1 if the FCI is too short. */
    public int feedbackPacketCount() {
        return fci.length >= 8 ? Bytes.u8(fci, 7) : -1;
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int marshalSize() {
        return 12 + Bytes.padded(fci.length);
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, FMT, RTPFB, size);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        System.arraycopy(fci, 0, buf, off + 12, fci.length);
        Bytes.pad(buf, off, 12 + fci.length, size);
        return size;
    }

    static TransportCcFeedback decode(byte[] b, int at, int len) {
        Bytes.require(len >= 8, "transport-cc feedback without its SSRCs");
        return new TransportCcFeedback(Bytes.i32(b, at), Bytes.i32(b, at + 4),
                Arrays.copyOfRange(b, at + 8, at + len));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransportCcFeedback t && t.senderSsrc == senderSsrc && t.mediaSsrc == mediaSsrc
                && Arrays.equals(t.fci, fci);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * senderSsrc + mediaSsrc) + Arrays.hashCode(fci);
    }

    @Override
    public String toString() {
        return "TransportCcFeedback[sender=" + Integer.toUnsignedString(senderSsrc) + ", media="
                + Integer.toUnsignedString(mediaSsrc) + ", base=" + baseSequenceNumber() + ", count="
                + packetStatusCount() + "]";
    }
}
