package dev.hongyan.media.rtcp;

import java.util.ArrayList;
import java.util.List;

/** Parsing and building of compound RTCP packets (RFC 3550 §6.1): RTCP packets back to back. */
public final class RtcpCompound {
    private RtcpCompound() {
    }

    /**
     * True when the second byte of a datagram holds an RTCP packet type, for demultiplexing RTP
     * and RTCP on one port (RFC 5761 §4: types 192..223 never clash with RTP payload types).
     */
    public static boolean isRtcp(byte[] buf, int off, int len) {
        if (len < 4 || (buf[off] & 0xC0) != 0x80) {
            return false;
        }
        int type = buf[off + 1] & 0xFF;
        return type >= 192 && type <= 223;
    }

    /**
     * Parses every packet in {@code buf[off, off+len)}. Unknown packet types and feedback formats
     * come back as {@link UnknownRtcp}.
     *
     * @throws RtcpParseException when a header, length, count or padding is inconsistent with the
     *     bytes present; no other exception escapes and nothing outside the range is read
     */
    public static List<RtcpPacket> parse(byte[] buf, int off, int len) {
        Bytes.require(buf != null && off >= 0 && len >= 0 && off <= buf.length - len, "range outside the buffer");
        Bytes.require(len >= 4, "shorter than an RTCP header");
        List<RtcpPacket> packets = new ArrayList<>(4);
        int i = off;
        int end = off + len;
        while (i < end) {
            Bytes.require(end - i >= 4, "trailing bytes after the last packet");
            int b0 = Bytes.u8(buf, i);
            Bytes.require(b0 >>> 6 == 2, "RTCP version is not 2");
            int size = (Bytes.u16(buf, i + 2) + 1) * 4;
            Bytes.require(size <= end - i, "length field runs past the datagram");
            int body = size - 4;
            if ((b0 & 0x20) != 0) {
                int padding = Bytes.u8(buf, i + size - 1);
                Bytes.require(padding > 0 && padding <= body, "bad padding count");
                body -= padding;
            }
            packets.add(decode(b0 & 0x1F, Bytes.u8(buf, i + 1), buf, i + 4, body));
            i += size;
        }
        return packets;
    }

    public static List<RtcpPacket> parse(byte[] buf) {
        return parse(buf, 0, buf.length);
    }

    private static RtcpPacket decode(int count, int type, byte[] b, int at, int len) {
        return switch (type) {
            case RtcpPacket.SR -> SenderReport.decode(count, b, at, len);
            case RtcpPacket.RR -> ReceiverReport.decode(count, b, at, len);
            case RtcpPacket.SDES -> SourceDescription.decode(count, b, at, len);
            case RtcpPacket.BYE -> Goodbye.decode(count, b, at, len);
            case RtcpPacket.RTPFB -> switch (count) {
                case GenericNack.FMT -> GenericNack.decode(b, at, len);
                case TransportCcFeedback.FMT -> TransportCcFeedback.decode(b, at, len);
                default -> unknown(type, count, b, at, len);
            };
            case RtcpPacket.PSFB -> switch (count) {
                case PictureLossIndication.FMT -> PictureLossIndication.decode(b, at, len);
                case FullIntraRequest.FMT -> FullIntraRequest.decode(b, at, len);
                case Remb.FMT -> Remb.matches(b, at, len) ? Remb.decode(b, at, len) : unknown(type, count, b, at, len);
                default -> unknown(type, count, b, at, len);
            };
            default -> unknown(type, count, b, at, len);
        };
    }

    private static UnknownRtcp unknown(int type, int count, byte[] b, int at, int len) {
        return new UnknownRtcp(type, count, java.util.Arrays.copyOfRange(b, at, at + len));
    }

    /** Total bytes {@link #marshal(List, byte[], int)} writes. */
    public static int marshalSize(List<? extends RtcpPacket> packets) {
        int n = 0;
        for (RtcpPacket p : packets) {
            n += p.marshalSize();
        }
        return n;
    }

    /**
     * Writes the packets back to back; returns the bytes written. WebRTC's reduced-size RTCP (RFC
     * 5506) lets a compound packet start with feedback, so no SR/RR-first rule is enforced here.
     */
    public static int marshal(List<? extends RtcpPacket> packets, byte[] buf, int off) {
        int size = marshalSize(packets);
        if (off < 0 || off > buf.length - size) {
            throw new IllegalArgumentException("buffer too small for " + size + " bytes of RTCP");
        }
        int w = off;
        for (RtcpPacket p : packets) {
            w += p.marshalTo(buf, w);
        }
        return w - off;
    }

    public static byte[] marshal(List<? extends RtcpPacket> packets) {
        byte[] out = new byte[marshalSize(packets)];
        marshal(packets, out, 0);
        return out;
    }
}
