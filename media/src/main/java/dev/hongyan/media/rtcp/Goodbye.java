package dev.hongyan.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** BYE (RFC 3550 §6.6), with an optional reason (null when absent). */
public record Goodbye(List<Integer> ssrcs, String reason) implements RtcpPacket {
    public Goodbye {
        ssrcs = List.copyOf(ssrcs);
        if (ssrcs.size() > 31) {
            throw new IllegalArgumentException("at most 31 SSRCs per BYE");
        }
        if (reason != null && reason.getBytes(StandardCharsets.UTF_8).length > 255) {
            throw new IllegalArgumentException("BYE reason is at most 255 bytes");
        }
    }

    @Override
    public int packetType() {
        return BYE;
    }

    @Override
    public int marshalSize() {
        int n = 4 + 4 * ssrcs.size();
        if (reason != null) {
            n += (1 + reason.getBytes(StandardCharsets.UTF_8).length + 3) & ~3;
        }
        return n;
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, ssrcs.size(), BYE, size);
        int w = off + 4;
        for (int ssrc : ssrcs) {
            Bytes.put32(buf, w, ssrc);
            w += 4;
        }
        if (reason != null) {
            byte[] text = reason.getBytes(StandardCharsets.UTF_8);
            buf[w++] = (byte) text.length;
            System.arraycopy(text, 0, buf, w, text.length);
            w += text.length;
            while (w < off + size) {
                buf[w++] = 0;
            }
        }
        return size;
    }

    static Goodbye decode(int count, byte[] b, int at, int len) {
        Bytes.require(len >= 4 * count, "BYE shorter than its SSRC count");
        Integer[] ssrcs = new Integer[count];
        for (int i = 0; i < count; i++) {
            ssrcs[i] = Bytes.i32(b, at + 4 * i);
        }
        String reason = null;
        int r = at + 4 * count;
        if (r < at + len) {
            int length = Bytes.u8(b, r);
            Bytes.require(r + 1 + length <= at + len, "BYE reason past the packet");
            reason = new String(b, r + 1, length, StandardCharsets.UTF_8);
        }
        return new Goodbye(List.of(ssrcs), reason);
    }
}
