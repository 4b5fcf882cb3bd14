package dev.hongyan.media.rtcp;

import static dev.hongyan.media.rtcp.TransportCcFeedback.PacketStatus.NOT_RECEIVED;
import static dev.hongyan.media.rtcp.TransportCcFeedback.PacketStatus.ofDelta;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.media.rtcp.TransportCcFeedback.PacketStatus;
import dev.hongyan.media.rtcp.TransportCcFeedback.Symbol;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Transport-cc feedback (draft-holmer-rmcat-transport-wide-cc-extensions-01 §3.1): the draft's own chunk
 * examples, packets laid out by hand, the builder's reference time, rounding and splitting, and random
 * round trips through the parser.
 */
class TransportCcFeedbackTest {
    private static final int A = 0x11223344;
    private static final int B = 0x55667788;
    private static final PacketStatus RESERVED = new PacketStatus(Symbol.RESERVED, 0);

    private static void symmetric(String hex, TransportCcFeedback expected) {
        byte[] wire = Hex.of(hex);
        assertThat(RtcpCompound.parse(wire)).containsExactly(expected);
        byte[] out = RtcpCompound.marshal(List.of(expected));
        assertThat(Hex.of(out, 0, out.length)).isEqualTo(Hex.of(wire, 0, wire.length));
    }

    private static TransportCcFeedback parse(String hex) {
        return (TransportCcFeedback) RtcpCompound.parse(Hex.of(hex)).get(0);
    }

    @Test
    void draftRunLengthExampleOne221PacketsNotReceived() {
        // |0|0 0|0 0 0 0 0 1 1 0 1 1 1 0 1| = 0x00dd; FCI 10 bytes, padded by 2 (P bit, count 2).
        symmetric("afcd0005 11223344 55667788 000100dd 00000105 00dd0002",
                new TransportCcFeedback(A, B, 1, 1, 5, Collections.nCopies(221, NOT_RECEIVED)));
    }

    @Test
    void draftRunLengthExampleTwo24ReservedSymbols() {
        // |0|1 1|0 0 0 0 0 0 0 0 1 1 0 0 0| = 0x6018: symbol 11, no deltas follow.
        symmetric("afcd0005 11223344 55667788 00010018 00000105 60180002",
                new TransportCcFeedback(A, B, 1, 1, 5, Collections.nCopies(24, RESERVED)));
    }

    @Test
    void draftOneBitVectorExample() {
        // |1|0|0 1 1 1 1 1 0 0 0 1 1 1 0 0| = 0x9f1c: 1 lost, 5 received, 3 lost, 3 received, 2 lost.
        List<PacketStatus> packets = new ArrayList<>();
        packets.add(NOT_RECEIVED);
        for (int d = 1; d <= 5; d++) {
            packets.add(ofDelta(d));
        }
        packets.addAll(Collections.nCopies(3, NOT_RECEIVED));
        for (int d = 6; d <= 8; d++) {
            packets.add(ofDelta(d));
        }
        packets.addAll(Collections.nCopies(2, NOT_RECEIVED));
        symmetric("afcd0007 11223344 55667788 0064000e 00000a05 9f1c0102 03040506 07080002",
                new TransportCcFeedback(A, B, 100, 10, 5, packets));
    }

    @Test
    void draftTwoBitVectorExample() {
        // |1|1|0 0 1 1 0 1 0 1 0 1 0 0 0 0| = 0xcd50: lost, reserved, 3 small deltas, 2 lost.
        List<PacketStatus> packets = List.of(NOT_RECEIVED, RESERVED, ofDelta(1), ofDelta(2), ofDelta(3),
                NOT_RECEIVED, NOT_RECEIVED);
        symmetric("afcd0006 11223344 55667788 00640007 00000a05 cd500102 03000003",
                new TransportCcFeedback(A, B, 100, 10, 5, packets));
    }

    @Test
    void largeAndNegativeDeltasAreSigned16Bits() {
        // 2-bit vector: large, small, large + one unused slot 00 per pair: 10 01 10 00 00 00 00 → 0xe600.
        TransportCcFeedback f = parse("afcd0006 11223344 55667788 ffff0003 ffffff00 e6007fff 108000 01");
        assertThat(f.baseSequence()).isEqualTo(0xFFFF);
        assertThat(f.referenceTime()).isEqualTo(-1);
        assertThat(f.packets()).containsExactly(new PacketStatus(Symbol.LARGE_DELTA, 32767), ofDelta(0x10),
                new PacketStatus(Symbol.LARGE_DELTA, -32768));
        assertThat(f.sequenceOf(1)).isZero();
        assertThat(RtcpCompound.parse(RtcpCompound.marshal(List.of(f)))).containsExactly(f);
    }

    @Test
    void encoderPicksTheChunkThatCoversMost() {
        // 20 small deltas then a large one: a run of 20, then a run of 1 (not a 2-bit vector: same bytes, fewer symbols).
        List<PacketStatus> packets = new ArrayList<>(Collections.nCopies(20, ofDelta(4)));
        packets.add(ofDelta(300));
        assertThat(chunks(packets)).containsExactly(0x2014, 0x4001);
        // Alternating lost/received: 1-bit vectors of 14.
        List<PacketStatus> alternating = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            alternating.add(i % 2 == 0 ? NOT_RECEIVED : ofDelta(1));
        }
        assertThat(chunks(alternating)).containsExactly(0x9555, 0x9555);
        // A large delta among small ones: 2-bit vectors of 7.
        List<PacketStatus> mixed = List.of(ofDelta(1), ofDelta(-1), ofDelta(1), NOT_RECEIVED, ofDelta(1),
                ofDelta(1), ofDelta(1), ofDelta(1));
        assertThat(chunks(mixed)).containsExactly(0xD915, 0x2001);
        // A long gap: one run-length chunk, whatever its length up to 8191.
        List<PacketStatus> gap = new ArrayList<>(Collections.nCopies(8191 + 5, NOT_RECEIVED));
        gap.add(ofDelta(1));
        assertThat(chunks(gap)).containsExactly(0x1FFF, 0x8100);
    }

    private static List<Integer> chunks(List<PacketStatus> packets) {
        TransportCcFeedback f = new TransportCcFeedback(A, B, 0, 0, 0, packets);
        byte[] wire = RtcpCompound.marshal(List.of(f));
        assertThat(RtcpCompound.parse(wire)).containsExactly(f);
        int statuses = 0;
        List<Integer> chunks = new ArrayList<>();
        for (int at = 20; statuses < packets.size(); at += 2) {
            int chunk = Bytes.u16(wire, at);
            chunks.add(chunk);
            statuses += (chunk & 0x8000) == 0 ? chunk & 0x1FFF : (chunk & 0x4000) == 0 ? 14 : 7;
        }
        return chunks;
    }

    @Test
    void builderComputesReferenceTimeDeltasAndLostPackets() {
        TransportCcFeedbackBuilder b = new TransportCcFeedbackBuilder(A, B, 7, 100, 1200);
        assertThat(b.isEmpty()).isTrue();
        // 1.000 s: reference 15 (960 ms), first delta 40 ms = 160 ticks.
        assertThat(b.addReceived(100, 1_000_000)).isTrue();
        // 101 is lost; 102 arrives 70 ms later: 280 ticks, a large delta.
        assertThat(b.addReceived(102, 1_070_000)).isTrue();
        // Reordered in the network: 103 arrived 1 ms before 102.
        assertThat(b.addReceived(103, 1_069_000)).isTrue();
        // 0.3 ms rounds to one tick; the next delta starts from the reconstructed 1.06925 s, not from 1.0693 s.
        assertThat(b.addReceived(104, 1_069_300)).isTrue();
        assertThat(b.addReceived(105, 1_069_500)).isTrue();
        TransportCcFeedback f = b.build();
        assertThat(f.packets()).containsExactly(ofDelta(160), NOT_RECEIVED, ofDelta(280), ofDelta(-4), ofDelta(1),
                ofDelta(1));
        // 2-bit vector 01 00 10 10 01 01 (00); deltas a0 0118 fffc 01 01; 3 bytes of padding.
        byte[] wire = RtcpCompound.marshal(List.of(f));
        assertThat(Hex.of(wire, 0, wire.length))
                .isEqualTo("afcd0007112233445566778800640006" + "00000f07" + "d294" + "a00118fffc0101" + "000003");
        assertThat(b.endSequence()).isEqualTo(106);
    }

    @Test
    void builderRefusesADeltaBeyondSixteenBitsAndTheNextPacketTakesIt() {
        TransportCcFeedbackBuilder b = new TransportCcFeedbackBuilder(A, B, 0, 65535, 1200);
        assertThat(b.addReceived(65535, 0)).isTrue();
        assertThat(b.addReceived(65537, 8_192_000)).as("32768 ticks").isFalse();
        assertThat(b.addReceived(65537, 8_191_750)).as("32767 ticks").isTrue();
        assertThat(b.build().packets()).containsExactly(ofDelta(0), NOT_RECEIVED,
                new PacketStatus(Symbol.LARGE_DELTA, 32767));
        assertThat(b.build().sequenceOf(2)).isEqualTo(1);
        TransportCcFeedbackBuilder fresh = new TransportCcFeedbackBuilder(A, B, 1, 65538, 1200);
        assertThat(fresh.addReceived(65538, 100_000_000)).isTrue();
        assertThat(fresh.build().referenceTime()).isEqualTo(100_000_000 / 64_000);
        assertThatThrownBy(() -> fresh.addReceived(65538, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builderStopsAtMaxSizeAndEveryPacketFits() {
        // Large deltas cost 2 bytes each: a 200-byte packet holds (200 - 20 - chunks) / 2 of them.
        Random random = new Random(8888);
        List<TransportCcFeedback> sent = new ArrayList<>();
        TransportCcFeedbackBuilder b = new TransportCcFeedbackBuilder(A, B, 0, 0, 200);
        long t = 0;
        int count = 0;
        for (long seq = 0; seq < 1000; seq++) {
            if (random.nextInt(10) == 0) {
                continue;
            }
            t += 300_000 + random.nextInt(1000) * 250L;
            if (!b.addReceived(seq, t)) {
                sent.add(b.build());
                b = new TransportCcFeedbackBuilder(A, B, ++count, seq, 200);
                assertThat(b.addReceived(seq, t)).isTrue();
            }
        }
        sent.add(b.build());
        assertThat(sent.size()).isGreaterThan(5);
        int next = 0;
        for (TransportCcFeedback f : sent) {
            assertThat(f.marshalSize()).isLessThanOrEqualTo(200);
            assertThat(f.baseSequence()).isEqualTo(next);
            next += f.packetStatusCount();
        }
    }

    @Test
    void randomArrivalsRoundTripThroughTheParserWithoutDrift() {
        Random random = new Random(2016);
        for (int round = 0; round < 300; round++) {
            long base = random.nextInt(70_000);
            TransportCcFeedbackBuilder b = new TransportCcFeedbackBuilder(A, B, round, base, 1200);
            long seq = base;
            long t = random.nextLong(1L << 40);
            List<Long> arrivals = new ArrayList<>();
            List<Long> seqs = new ArrayList<>();
            while (true) {
                seq += random.nextInt(8) == 0 ? 1 + random.nextInt(random.nextBoolean() ? 3 : 300) : 1;
                t += random.nextInt(50) == 0 ? -random.nextInt(20_000) : random.nextInt(random.nextBoolean() ? 2_000 : 90_000);
                if (!b.addReceived(seq, t)) {
                    break;
                }
                seqs.add(seq);
                arrivals.add(t);
            }
            TransportCcFeedback built = b.build();
            byte[] wire = RtcpCompound.marshal(List.of(built));
            assertThat(wire.length).isLessThanOrEqualTo(1200);
            TransportCcFeedback parsed = (TransportCcFeedback) RtcpCompound.parse(wire).get(0);
            assertThat(parsed).isEqualTo(built);
            // Reconstructed arrival times stay within half a tick of the truth, however many deltas.
            long micros = (long) parsed.referenceTime() * 64_000;
            long offset = Math.floorDiv(arrivals.get(0), 64_000) * 64_000 - micros;
            int k = 0;
            for (int i = 0; i < parsed.packetStatusCount(); i++) {
                PacketStatus p = parsed.packets().get(i);
                if (!p.received()) {
                    continue;
                }
                micros += p.delta() * 250L;
                assertThat(base + i).isEqualTo(seqs.get(k));
                assertThat(Math.abs(micros + offset - arrivals.get(k))).isLessThanOrEqualTo(125);
                k++;
            }
            assertThat(k).isEqualTo(seqs.size());
        }
    }

    @Test
    void corruptFeedbackFailsOnlyAsAParseException() {
        TransportCcFeedbackBuilder b = new TransportCcFeedbackBuilder(A, B, 3, 10, 1200);
        for (int i = 0; i < 40; i++) {
            b.addReceived(10 + i * 2, 1_000_000 + i * 40_000L);
        }
        byte[] valid = RtcpCompound.marshal(List.of(b.build()));
        Random random = new Random(15);
        for (int round = 0; round < 5_000; round++) {
            byte[] wire = valid.clone();
            for (int f = 1 + random.nextInt(3); f > 0; f--) {
                wire[random.nextInt(wire.length)] = (byte) random.nextInt(256);
            }
            try {
                RtcpCompound.parse(wire, 0, random.nextInt(wire.length + 1));
            } catch (RtcpParseException expected) {
                // the only failure allowed
            }
        }
    }
}
