package dev.hongyan.media.rtcp;

import java.util.ArrayList;
import java.util.List;

/**
 * Generic NACK (RFC 4585 §6.2.1): RTPFB, FMT 1. Each FCI entry names a lost packet (PID) and, in
 * its bitmask (BLP), which of the 16 packets after it are lost too.
 */
public record GenericNack(int senderSsrc, int mediaSsrc, List<Entry> entries) implements RtcpPacket {
    public static final int FMT = 1;

    public GenericNack {
        entries = List.copyOf(entries);
    }

    /** One FCI entry: packet id and bitmask of following lost packets. */
    public record Entry(int packetId, int bitmask) {
        public Entry {
            if ((packetId & ~0xFFFF) != 0 || (bitmask & ~0xFFFF) != 0) {
                throw new IllegalArgumentException("PID and BLP are 16 bits");
            }
        }
    }

    /**
     * Compresses lost sequence numbers into entries. They are taken in the given order, which
     * should be sending order (ascending, modulo 2^16); each starts a new entry unless it falls in
     * the 16 after the current entry's PID. Duplicates are harmless.
     */
    public static GenericNack of(int senderSsrc, int mediaSsrc, int... lost) {
        List<Entry> entries = new ArrayList<>();
        int pid = -1;
        int blp = 0;
        for (int seq : lost) {
            seq &= 0xFFFF;
            int d = pid < 0 ? -1 : (seq - pid) & 0xFFFF;
            if (d == 0) {
                continue;
            }
            if (d >= 1 && d <= 16) {
                blp |= 1 << (d - 1);
            } else {
                if (pid >= 0) {
                    entries.add(new Entry(pid, blp));
                }
                pid = seq;
                blp = 0;
            }
        }
        if (pid >= 0) {
            entries.add(new Entry(pid, blp));
        }
        return new GenericNack(senderSsrc, mediaSsrc, entries);
    }

    /** Every sequence number the entries name, in order. */
    public int[] lostSequenceNumbers() {
        int n = 0;
        for (Entry e : entries) {
            n += 1 + Integer.bitCount(e.bitmask());
        }
        int[] out = new int[n];
        int w = 0;
        for (Entry e : entries) {
            out[w++] = e.packetId();
            for (int bit = 0; bit < 16; bit++) {
                if ((e.bitmask() & (1 << bit)) != 0) {
                    out[w++] = (e.packetId() + bit + 1) & 0xFFFF;
                }
            }
        }
        return out;
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int marshalSize() {
        return 12 + 4 * entries.size();
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        int size = marshalSize();
        Bytes.header(buf, off, FMT, RTPFB, size);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        for (int i = 0; i < entries.size(); i++) {
            Bytes.put16(buf, off + 12 + 4 * i, entries.get(i).packetId());
            Bytes.put16(buf, off + 14 + 4 * i, entries.get(i).bitmask());
        }
        return size;
    }

    static GenericNack decode(byte[] b, int at, int len) {
        Bytes.require(len >= 8, "NACK without its SSRCs");
        int count = (len - 8) / 4;
        Entry[] entries = new Entry[count];
        for (int i = 0; i < count; i++) {
            entries[i] = new Entry(Bytes.u16(b, at + 8 + 4 * i), Bytes.u16(b, at + 10 + 4 * i));
        }
        return new GenericNack(Bytes.i32(b, at), Bytes.i32(b, at + 4), List.of(entries));
    }
}
