package dev.hongyan.media.rtcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** SDES (RFC 3550 §6.5): chunks of items per SSRC. WebRTC sends only CNAME. */
public record SourceDescription(List<Chunk> chunks) implements RtcpPacket {

    public static final int CNAME = 1;

    public SourceDescription {
        chunks = List.copyOf(chunks);
        if (chunks.size() > 31) {
            throw new IllegalArgumentException("at most 31 SDES chunks per packet");
        }
    }

    /** One SSRC's items. */
    public record Chunk(int ssrc, List<Item> items) {
        public Chunk {
            items = List.copyOf(items);
        }

        /** ssrc, items, the terminating null item, then padding to a 32-bit boundary. */
        int size() {
            int n = 4;
            for (Item item : items) {
                n += 2 + item.encoded().length;
            }
            return (n + 1 + 3) & ~3;
        }
    }

    /** One item; text is UTF-8 on the wire, at most 255 bytes. */
    public record Item(int type, String text) {
        public Item {
            if (type < 1 || type > 255) {
                throw new IllegalArgumentException("SDES item type is 1..255, got " + type);
            }
            if (text.getBytes(StandardCharsets.UTF_8).length > 255) {
                throw new IllegalArgumentException("SDES item text is at most 255 bytes");
            }
        }

        byte[] encoded() {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The usual one-chunk CNAME packet. */
    public static SourceDescription cname(int ssrc, String cname) {
        return new SourceDescription(List.of(new Chunk(ssrc, List.of(new Item(CNAME, cname)))));
    }

    /** The CNAME given for an SSRC, or null. */
    public String cnameOf(int ssrc) {
        for (Chunk c : chunks) {
            if (c.ssrc() == ssrc) {
                for (Item i : c.items()) {
                    if (i.type() == CNAME) {
                        return i.text();
                    }
                }
            }
        }
        return null;
    }

    @Override
    public int packetType() {
        return SDES;
    }

    @Override
    public int marshalSize() {
        int n = 4;
        for (Chunk c : chunks) {
            n += c.size();
        }
        return n;
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, chunks.size(), SDES, size);
        int w = off + 4;
        for (Chunk c : chunks) {
            int end = w + c.size();
            Bytes.put32(buf, w, c.ssrc());
            w += 4;
            for (Item item : c.items()) {
                byte[] text = item.encoded();
                buf[w++] = (byte) item.type();
                buf[w++] = (byte) text.length;
                System.arraycopy(text, 0, buf, w, text.length);
                w += text.length;
            }
            while (w < end) {
                buf[w++] = 0;
            }
        }
        return size;
    }

    static SourceDescription decode(int count, byte[] b, int at, int len) {
        int end = at + len;
        int r = at;
        List<Chunk> chunks = new ArrayList<>(count);
        for (int c = 0; c < count; c++) {
            Bytes.require(r + 4 <= end, "SDES chunk past the packet");
            int chunkStart = r;
            int ssrc = Bytes.i32(b, r);
            r += 4;
            List<Item> items = new ArrayList<>(1);
            while (true) {
                Bytes.require(r < end, "SDES chunk without its null item");
                int type = Bytes.u8(b, r);
                if (type == 0) {
                    r++;
                    break;
                }
                Bytes.require(r + 2 <= end, "SDES item header past the packet");
                int length = Bytes.u8(b, r + 1);
                Bytes.require(r + 2 + length <= end, "SDES item text past the packet");
                items.add(new Item(type, new String(b, r + 2, length, StandardCharsets.UTF_8)));
                r += 2 + length;
            }
            // Chunks start on 32-bit boundaries; the null item is followed by padding up to one.
            r = chunkStart + ((r - chunkStart + 3) & ~3);
            Bytes.require(r <= end, "SDES padding past the packet");
            chunks.add(new Chunk(ssrc, items));
        }
        return new SourceDescription(chunks);
    }
}
