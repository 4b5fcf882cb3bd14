package dev.hongyan.media.rtp;

/**
 * RTX retransmission packets (RFC 4588 §4): the original header with the RTX stream's SSRC,
 * payload type and sequence number, and a payload that starts with the original sequence number
 * (OSN). Both directions also work in place (same buffer and offset) when the buffer has room.
 */
public final class Rtx {
    public static final int OSN_LENGTH = 2;

    private Rtx() {
    }

    /**
     * Writes the RTX form of {@code original} to {@code out}. Padding is dropped: the RTX packet
     * carries the payload only.
     *
     * @return the RTX packet length, or -1 if {@code out} is too small
     */
    public static int encapsulate(RtpPacket original, byte[] out, int outOffset,
                                  int rtxSsrc, int rtxPayloadType, int rtxSequenceNumber) {
        byte[] in = original.buffer();
        int header = original.headerLength();
        int payload = original.payloadLength();
        int length = header + OSN_LENGTH + payload;
        if (outOffset < 0 || outOffset > out.length - length) {
            return -1;
        }
        int osn = original.sequenceNumber();
        // Payload first: in place it moves forward over bytes the header copy does not touch.
        System.arraycopy(in, original.payloadOffset(), out, outOffset + header + OSN_LENGTH, payload);
        System.arraycopy(in, original.offset(), out, outOffset, header);
        Bytes.put16(out, outOffset + header, osn);
        out[outOffset] &= (byte) ~0x20;
        out[outOffset + 1] = (byte) ((out[outOffset + 1] & 0x80) | (rtxPayloadType & 0x7F));
        Bytes.put16(out, outOffset + 2, rtxSequenceNumber);
        Bytes.put32(out, outOffset + 8, rtxSsrc);
        return length;
    }

    /**
     * Writes the original packet carried by {@code rtx}: OSN back as the sequence number, with the
     * original SSRC and payload type, which the caller knows from the apt/ssrc-group mapping.
     *
     * @return the original packet length, or -1 if the RTX payload has no OSN or {@code out} is too small
     */
    public static int decapsulate(RtpPacket rtx, byte[] out, int outOffset, int originalSsrc, int originalPayloadType) {
        int payload = rtx.payloadLength() - OSN_LENGTH;
        int header = rtx.headerLength();
        int length = header + payload;
        if (payload < 0 || outOffset < 0 || outOffset > out.length - length) {
            return -1;
        }
        byte[] in = rtx.buffer();
        int osn = Bytes.u16(in, rtx.payloadOffset());
        System.arraycopy(in, rtx.offset(), out, outOffset, header);
        System.arraycopy(in, rtx.payloadOffset() + OSN_LENGTH, out, outOffset + header, payload);
        out[outOffset] &= (byte) ~0x20;
        out[outOffset + 1] = (byte) ((out[outOffset + 1] & 0x80) | (originalPayloadType & 0x7F));
        Bytes.put16(out, outOffset + 2, osn);
        Bytes.put32(out, outOffset + 8, originalSsrc);
        return length;
    }

    /** The original sequence number an RTX packet carries, or -1 if its payload is too short. */
    public static int originalSequenceNumber(RtpPacket rtx) {
        return rtx.payloadLength() < OSN_LENGTH ? -1 : Bytes.u16(rtx.buffer(), rtx.payloadOffset());
    }
}
