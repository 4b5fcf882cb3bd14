package dev.hongyan.media.rtcp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Transport-wide congestion control feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01
 * §3.1): RTPFB, FMT 15. It says, for every transport-wide sequence number from {@code baseSequence}
 * on, whether the packet arrived and, if so, its arrival time as a delta in 250 µs ticks from the
 * previous arrival (the first one from {@code referenceTime} × 64 ms).
 *
 * <p>Status chunks are not kept: parsing expands them into one {@link PacketStatus} per packet, and
 * marshalling encodes them again (greedily, each chunk covering as many packets as it can: a
 * run-length chunk for a run, a 1-bit status vector for 14 "lost or small delta" symbols, else a
 * 2-bit vector for 7). A sender may encode the same statuses differently, so parse → marshal is
 * byte-exact only for minimal encodings such as ours.
 *
 * @param baseSequence        the 16-bit transport-wide sequence number of the first packet
 * @param referenceTime       signed 24-bit, in 64 ms units; only differences between packets mean anything
 * @param feedbackPacketCount 8-bit count of feedback packets sent, so the sender can tell lost feedback
 * @param packets             one status per sequence number from {@code baseSequence} on (at most 65535)
 */
public record TransportCcFeedback(int senderSsrc, int mediaSsrc, int baseSequence, int referenceTime,
        int feedbackPacketCount, List<PacketStatus> packets) implements RtcpPacket {
    public static final int FMT = 15;
    /** One delta tick: 250 µs. */
    public static final int DELTA_TICK_MICROS = 250;
    /** One reference-time unit: 64 ms. */
    public static final int REFERENCE_TIME_MICROS = 64_000;
    public static final int MAX_RUN_LENGTH = 0x1FFF;

    /** The two-bit packet status symbols of the draft (§3.1.1). */
    public enum Symbol {
        NOT_RECEIVED,
        /** Received, delta 0..255 ticks in one unsigned byte. */
        SMALL_DELTA,
        /** Received, delta -32768..32767 ticks in two signed bytes. */
        LARGE_DELTA,
        /** Reserved code 11: no delta follows. Parsed, never written by our builder. */
        RESERVED;

        static Symbol of(int code) {
            return values()[code & 3];
        }

        boolean hasDelta() {
            return this == SMALL_DELTA || this == LARGE_DELTA;
        }
    }

    /** One packet's fate; {@code delta} is in 250 µs ticks and 0 for a packet without a delta. */
    public record PacketStatus(Symbol symbol, int delta) {
        public static final PacketStatus NOT_RECEIVED = new PacketStatus(Symbol.NOT_RECEIVED, 0);

        public PacketStatus {
            Objects.requireNonNull(symbol, "symbol");
            boolean fits = switch (symbol) {
                case SMALL_DELTA -> delta >= 0 && delta <= 0xFF;
                case LARGE_DELTA -> delta >= Short.MIN_VALUE && delta <= Short.MAX_VALUE;
                default -> delta == 0;
            };
            if (!fits) {
                throw new IllegalArgumentException("delta " + delta + " does not fit " + symbol);
            }
        }

        public static PacketStatus ofDelta(int deltaTicks) {
            return new PacketStatus(deltaTicks >= 0 && deltaTicks <= 0xFF ? Symbol.SMALL_DELTA : Symbol.LARGE_DELTA,
                    deltaTicks);
        }

        public boolean received() {
            return symbol.hasDelta();
        }
    }

    public TransportCcFeedback {
        packets = List.copyOf(packets);
        if (baseSequence < 0 || baseSequence > 0xFFFF) {
            throw new IllegalArgumentException("base sequence is 16 bits: " + baseSequence);
        }
        if (referenceTime < -(1 << 23) || referenceTime >= (1 << 23)) {
            throw new IllegalArgumentException("reference time is signed 24 bits: " + referenceTime);
        }
        if (feedbackPacketCount < 0 || feedbackPacketCount > 0xFF) {
            throw new IllegalArgumentException("feedback packet count is 8 bits: " + feedbackPacketCount);
        }
        if (packets.size() > 0xFFFF) {
            throw new IllegalArgumentException("at most 65535 packet statuses");
        }
    }

    /** Packet status count. */
    public int packetStatusCount() {
        return packets.size();
    }

    /** The 16-bit transport-wide sequence number of {@code packets().get(index)}. */
    public int sequenceOf(int index) {
        return (baseSequence + index) & 0xFFFF;
    }

    @Override
    public int packetType() {
        return RTPFB;
    }

    @Override
    public int marshalSize() {
        return Bytes.padded(unpaddedSize(symbols(), packets));
    }

    @Override
    public int marshalTo(byte[] buf, int off) {
        byte[] symbols = symbols();
        int size = Bytes.padded(unpaddedSize(symbols, packets));
        Bytes.header(buf, off, FMT, RTPFB, size);
        Bytes.put32(buf, off + 4, senderSsrc);
        Bytes.put32(buf, off + 8, mediaSsrc);
        Bytes.put16(buf, off + 12, baseSequence);
        Bytes.put16(buf, off + 14, packets.size());
        Bytes.put24(buf, off + 16, referenceTime & 0xFFFFFF);
        buf[off + 19] = (byte) feedbackPacketCount;
        int w = off + 20;
        int chunks = encodeChunks(symbols, symbols.length, buf, w);
        w += 2 * chunks;
        for (PacketStatus p : packets) {
            if (p.symbol() == Symbol.SMALL_DELTA) {
                buf[w++] = (byte) p.delta();
            } else if (p.symbol() == Symbol.LARGE_DELTA) {
                Bytes.put16(buf, w, p.delta());
                w += 2;
            }
        }
        Bytes.pad(buf, off, w - off, size);
        return size;
    }

    private byte[] symbols() {
        byte[] symbols = new byte[packets.size()];
        for (int i = 0; i < symbols.length; i++) {
            symbols[i] = (byte) packets.get(i).symbol().ordinal();
        }
        return symbols;
    }

    private static int unpaddedSize(byte[] symbols, List<PacketStatus> packets) {
        int deltas = 0;
        for (PacketStatus p : packets) {
            deltas += p.symbol() == Symbol.SMALL_DELTA ? 1 : p.symbol() == Symbol.LARGE_DELTA ? 2 : 0;
        }
        return 20 + 2 * encodeChunks(symbols, symbols.length, null, 0) + deltas;
    }

    /**
     * Encodes {@code symbols[0, count)} as status chunks at {@code out[at]} (or only counts them when
     * {@code out} is null); returns the number of chunks. Each chunk is the kind that covers the most
     * symbols from where we are, a run-length chunk winning ties since it says the same in as many bytes.
     * A last vector chunk may cover fewer symbols than it holds: the status count tells the reader where
     * to stop, and the unused bits are zero.
     */
    static int encodeChunks(byte[] symbols, int count, byte[] out, int at) {
        int chunks = 0;
        int i = 0;
        while (i < count) {
            int remaining = count - i;
            int run = 1;
            while (run < remaining && run < MAX_RUN_LENGTH && symbols[i + run] == symbols[i]) {
                run++;
            }
            int oneBit = Math.min(14, remaining);
            for (int k = 0; k < oneBit; k++) {
                if (symbols[i + k] > 1) {
                    oneBit = 0;
                    break;
                }
            }
            int twoBit = Math.min(7, remaining);
            int chunk;
            if (run >= oneBit && run >= twoBit) {
                chunk = (symbols[i] << 13) | run;
                i += run;
            } else if (oneBit >= twoBit) {
                chunk = 0x8000;
                for (int k = 0; k < oneBit; k++) {
                    chunk |= symbols[i + k] << (13 - k);
                }
                i += oneBit;
            } else {
                chunk = 0xC000;
                for (int k = 0; k < twoBit; k++) {
                    chunk |= symbols[i + k] << (12 - 2 * k);
                }
                i += twoBit;
            }
            if (out != null) {
                Bytes.put16(out, at + 2 * chunks, chunk);
            }
            chunks++;
        }
        return chunks;
    }

    static TransportCcFeedback decode(byte[] b, int at, int len) {
        Bytes.require(len >= 16, "transport-cc feedback shorter than its fixed part");
        int end = at + len;
        int base = Bytes.u16(b, at + 8);
        int count = Bytes.u16(b, at + 10);
        int referenceTime = (Bytes.u24(b, at + 12) << 8) >> 8;
        int fbCount = Bytes.u8(b, at + 15);
        byte[] symbols = new byte[count];
        int pos = at + 16;
        int k = 0;
        while (k < count) {
            Bytes.require(pos + 2 <= end, "transport-cc status chunks end before the status count");
            int chunk = Bytes.u16(b, pos);
            pos += 2;
            if ((chunk & 0x8000) == 0) {
                byte symbol = (byte) ((chunk >>> 13) & 3);
                int run = chunk & MAX_RUN_LENGTH;
                for (int j = 0; j < run && k < count; j++) {
                    symbols[k++] = symbol;
                }
            } else if ((chunk & 0x4000) == 0) {
                for (int j = 0; j < 14 && k < count; j++) {
                    symbols[k++] = (byte) ((chunk >>> (13 - j)) & 1);
                }
            } else {
                for (int j = 0; j < 7 && k < count; j++) {
                    symbols[k++] = (byte) ((chunk >>> (12 - 2 * j)) & 3);
                }
            }
        }
        List<PacketStatus> packets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            Symbol symbol = Symbol.of(symbols[i]);
            switch (symbol) {
                case SMALL_DELTA -> {
                    Bytes.require(pos + 1 <= end, "transport-cc receive deltas truncated");
                    packets.add(new PacketStatus(symbol, Bytes.u8(b, pos)));
                    pos += 1;
                }
                case LARGE_DELTA -> {
                    Bytes.require(pos + 2 <= end, "transport-cc receive deltas truncated");
                    packets.add(new PacketStatus(symbol, (short) Bytes.u16(b, pos)));
                    pos += 2;
                }
                case NOT_RECEIVED -> packets.add(PacketStatus.NOT_RECEIVED);
                case RESERVED -> packets.add(new PacketStatus(symbol, 0));
            }
        }
        // Anything after the deltas is zero padding inside the FCI, which some senders add.
        return new TransportCcFeedback(Bytes.i32(b, at), Bytes.i32(b, at + 4), base, referenceTime, fbCount, packets);
    }

    @Override
    public String toString() {
        int received = 0;
        for (PacketStatus p : packets) {
            received += p.received() ? 1 : 0;
        }
        return "TransportCcFeedback[sender=" + Integer.toUnsignedString(senderSsrc) + ", media="
                + Integer.toUnsignedString(mediaSsrc) + ", base=" + baseSequence + ", count=" + packets.size()
                + ", received=" + received + ", referenceTime=" + referenceTime + ", fbCount=" + feedbackPacketCount
                + "]";
    }
}
