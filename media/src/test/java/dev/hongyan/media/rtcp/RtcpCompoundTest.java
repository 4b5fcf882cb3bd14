package dev.hongyan.media.rtcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Each packet type as bytes laid out by hand from its RFC figure, parsed to the expected record and
 * marshalled back to the same bytes.
 */
class RtcpCompoundTest {
    private static final int A = 0x11223344;
    private static final int B = 0x55667788;

    private static void symmetric(String hex, RtcpPacket expected) {
        byte[] wire = Hex.of(hex);
        assertThat(RtcpCompound.parse(wire)).containsExactly(expected);
        assertThat(Hex.of(RtcpCompound.marshal(List.of(expected)), 0, wire.length)).isEqualTo(Hex.of(wire, 0, wire.length));
        assertThat(expected.marshalSize()).isEqualTo(wire.length);
    }

    @Test
    void senderReport() {
        symmetric("80c80006 11223344 e1b2c3d4a5b6c7d8 00015f90 00000064 00002710",
                new SenderReport(A, 0xe1b2c3d4a5b6c7d8L, 90000, 100, 10000, List.of()));
    }

    @Test
    void receiverReportWithABlock() {
        symmetric("81c90007 11223344 55667788 0a00000b 0001fffe 00000020 c3d4a5b6 00010000",
                new ReceiverReport(A, List.of(new ReportBlock(B, 10, 11, 0x1fffe, 32, 0xc3d4a5b6L, 65536))));
    }

    @Test
    void negativeCumulativeLostIsSigned24Bits() {
        symmetric("81c90007 11223344 55667788 00fffffe 00000000 00000000 00000000 00000000",
                new ReceiverReport(A, List.of(new ReportBlock(B, 0, -2, 0, 0, 0, 0))));
    }

    @Test
    void sourceDescriptionCname() {
        symmetric("81ca0003 11223344 01036162 63000000", SourceDescription.cname(A, "abc"));
        // A chunk whose items end exactly on a word boundary still needs a whole word for the null item.
        symmetric("81ca0003 11223344 01026162 00000000", SourceDescription.cname(A, "ab"));
        assertThat(SourceDescription.cname(A, "abc").cnameOf(A)).isEqualTo("abc");
    }

    @Test
    void goodbyeWithAndWithoutReason() {
        symmetric("81cb0002 11223344 03627965", new Goodbye(List.of(A), "bye"));
        symmetric("82cb0002 11223344 55667788", new Goodbye(List.of(A, B), null));
    }

    @Test
    void genericNack() {
        symmetric("81cd0003 11223344 55667788 00640005",
                new GenericNack(A, B, List.of(new GenericNack.Entry(100, 5))));
    }

    @Test
    void pictureLossIndication() {
        symmetric("81ce0002 11223344 55667788", new PictureLossIndication(A, B));
    }

    @Test
    void fullIntraRequest() {
        symmetric("84ce0004 11223344 00000000 55667788 07000000",
                new FullIntraRequest(A, List.of(new FullIntraRequest.Entry(B, 7))));
    }

    @Test
    void remb() {
        // 1,000,000 bps = 250000 * 2^2: exponent 2, mantissa 0x3d090.
        symmetric("8fce0005 11223344 00000000 52454d42 010bd090 55667788", new Remb(A, 1_000_000, List.of(B)));
    }

    @Test
    void transportCcFeedback() {
        // Base 1, two packets, reference time 1 (64 ms), feedback count 5; a run of 2 small deltas, 10 and 11 ticks.
        String hex = "8fcd0005 11223344 55667788 00010002 00000105 20020a0b";
        symmetric(hex, new TransportCcFeedback(A, B, 1, 1, 5, List.of(
                TransportCcFeedback.PacketStatus.ofDelta(10), TransportCcFeedback.PacketStatus.ofDelta(11))));
    }

    @Test
    void unknownTypesAndFormatsSurviveUntouched() {
        symmetric("80cc0002 11223344 6e616d65", new UnknownRtcp(204, 0, Hex.of("11223344 6e616d65")));
        // PSFB FMT 15 that is not REMB (some other application-layer feedback).
        symmetric("8fce0003 11223344 00000000 41424344", new UnknownRtcp(206, 15, Hex.of("11223344 00000000 41424344")));
    }

    @Test
    void compoundPacketsParseInOrderAndMarshalBack() {
        String hex = "81c80006 11223344 e1b2c3d4a5b6c7d8 00015f90 00000064 00002710 55667788 0a00000b 0001fffe 00000020 c3d4a5b6 00010000"
                .replace("81c80006", "81c8000c")
                + "81ca0003 11223344 01036162 63000000"
                + "81cd0003 11223344 55667788 00640005";
        List<RtcpPacket> packets = RtcpCompound.parse(Hex.of(hex));
        assertThat(packets).hasSize(3);
        SenderReport sr = (SenderReport) packets.get(0);
        assertThat(sr.reports()).singleElement().extracting(ReportBlock::ssrc).isEqualTo(B);
        assertThat(packets.get(1)).isEqualTo(SourceDescription.cname(A, "abc"));
        assertThat(((GenericNack) packets.get(2)).lostSequenceNumbers()).containsExactly(100, 101, 103);
        assertThat(RtcpCompound.marshal(packets)).isEqualTo(Hex.of(hex));
    }

    @Test
    void paddingOnTheLastPacketIsRemoved() {
        // RR with no blocks, then a BYE padded with 4 bytes (P bit, count 4).
        List<RtcpPacket> packets = RtcpCompound.parse(Hex.of("80c90001 11223344 a1cb0002 11223344 00000004"));
        assertThat(packets).containsExactly(new ReceiverReport(A, List.of()), new Goodbye(List.of(A), null));
    }

    @Test
    void unalignedUnknownBodyIsPaddedWhenMarshalled() {
        byte[] wire = RtcpCompound.marshal(List.of(new UnknownRtcp(204, 1, Hex.of("1122334455"))));
        assertThat(Hex.of(wire, 0, wire.length)).isEqualTo("a1cc0002112233445500000" + "3");
        assertThat(RtcpCompound.parse(wire)).containsExactly(new UnknownRtcp(204, 1, Hex.of("1122334455")));
    }

    @Test
    void nackListsCompressAndExpand() {
        GenericNack nack = GenericNack.of(A, B, 100, 101, 103, 103, 116, 117, 120, 65535, 0, 3);
        assertThat(nack.entries()).containsExactly(
                new GenericNack.Entry(100, 0b1000_0000_0000_0101),
                new GenericNack.Entry(117, 0b100),
                new GenericNack.Entry(65535, 0b1001));
        assertThat(nack.lostSequenceNumbers()).containsExactly(100, 101, 103, 116, 117, 120, 65535, 0, 3);
        GenericNack parsed = (GenericNack) RtcpCompound.parse(RtcpCompound.marshal(List.of(nack))).get(0);
        assertThat(parsed).isEqualTo(nack);
        assertThat(GenericNack.of(A, B).entries()).isEmpty();
    }

    @Test
    void rembRoundsLargeRatesDownAndSaturatesOverflow() {
        Remb big = new Remb(A, 123_456_789_012L, List.of(A, B));
        Remb parsed = (Remb) RtcpCompound.parse(RtcpCompound.marshal(List.of(big))).get(0);
        assertThat(parsed.bitrate()).isLessThanOrEqualTo(big.bitrate()).isGreaterThan(big.bitrate() - (big.bitrate() >> 17));
        assertThat(parsed.ssrcs()).containsExactly(A, B);
        Remb huge = (Remb) RtcpCompound.parse(Hex.of("8fce0004 11223344 00000000 52454d42 00ffffff")).get(0);
        assertThat(huge.bitrate()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void malformedPacketsFailWithTheDocumentedException() {
        String[] bad = {
            "",
            "80c8",
            "40c90001 11223344",                  // version 1
            "80c90002 11223344",                  // length past the end
            "81c90001 11223344",                  // one report block announced, none present
            "81ca0002 11223344 0105616263",       // SDES item past the packet (truncated to 2 words)
            "81ca0001 11223344",                  // SDES chunk without its null item
            "a0c90001 11223344",                  // padding count 0x44 past the body
            "80c90001 11223344 0000",             // trailing bytes
            "81cb0000",                           // BYE counting an SSRC it lacks
            "81cb0002 11223344 09627965",         // BYE reason past the packet
            "81cd0001 11223344",                  // NACK without media SSRC
            "8fce0004 11223344 00000000 52454d42 05000000", // REMB counting SSRCs it lacks
            "8fcd0003 11223344 55667788 00010002",          // transport-cc without reference time
            "8fcd0004 11223344 55667788 00010002 00000105", // transport-cc statuses without chunks
            "8fcd0005 11223344 55667788 00010003 00000105 2003000a", // two deltas of three
        };
        for (String hex : bad) {
            byte[] wire = Hex.of(hex);
            assertThatThrownBy(() -> RtcpCompound.parse(wire)).as(hex).isInstanceOf(RtcpParseException.class);
        }
        assertThatThrownBy(() -> RtcpCompound.parse(new byte[8], 4, 8)).isInstanceOf(RtcpParseException.class);
    }

    @Test
    void randomCorruptionNeverEscapesAsAnotherException() {
        byte[] valid = Hex.of("81c8000c 11223344 e1b2c3d4a5b6c7d8 00015f90 00000064 00002710 55667788 0a00000b"
                + " 0001fffe 00000020 c3d4a5b6 00010000 81ca0003 11223344 01036162 63000000"
                + " 81cd0003 11223344 55667788 00640005 8fce0005 11223344 00000000 52454d42 010bd090 55667788");
        Random random = new Random(3550);
        for (int round = 0; round < 20_000; round++) {
            byte[] wire = valid.clone();
            int flips = 1 + random.nextInt(4);
            for (int f = 0; f < flips; f++) {
                wire[random.nextInt(wire.length)] = (byte) random.nextInt(256);
            }
            int len = random.nextInt(wire.length + 1);
            try {
                RtcpCompound.parse(wire, 0, len);
            } catch (RtcpParseException expected) {
                // the only failure parsing may report
            }
        }
    }

    @Test
    void demultiplexesRtcpFromRtp() {
        assertThat(RtcpCompound.isRtcp(Hex.of("80c80006"), 0, 4)).isTrue();
        assertThat(RtcpCompound.isRtcp(Hex.of("80600006"), 0, 4)).isFalse();
        assertThat(RtcpCompound.isRtcp(Hex.of("80e0"), 0, 2)).isFalse();
    }
}
