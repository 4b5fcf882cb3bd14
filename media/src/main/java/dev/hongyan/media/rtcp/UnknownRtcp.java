package dev.hongyan.media.rtcp;

import java.util.Arrays;

/**
 * Any RTCP packet we do not decode (APP, XR, other feedback formats), kept whole so it can be
 * counted, logged or forwarded. {@code body} is everything after the 4-byte header, padding removed;
 * an unaligned body is padded again (P bit) when marshalled.
 */
public record UnknownRtcp(int packetType, int countOrFormat, byte[] body) implements RtcpPacket {
    public UnknownRtcp {
        body = body.clone();
        if (countOrFormat < 0 || countOrFormat > 31 || packetType < 0 || packetType > 255) {
            throw new IllegalArgumentException("count is 0..31 and type 0..255");
        }
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public int marshalSize() {
        return 4 + Bytes.padded(body.length);
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        Bytes.header(buf, off, countOrFormat, packetType, marshalSize());
        System.arraycopy(body, 0, buf, off + 4, body.length);
        Bytes.pad(buf, off, 4 + body.length, marshalSize());
        return marshalSize();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UnknownRtcp u && u.packetType == packetType && u.countOrFormat == countOrFormat
                && Arrays.equals(u.body, body);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * packetType + countOrFormat) + Arrays.hashCode(body);
    }

    @Override
    public String toString() {
        return "UnknownRtcp[type=" + packetType + ", count=" + countOrFormat + ", " + body.length + " bytes]";
    }
}
