package dev.hongyan.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class RtpPacketTest {
    /**
     * V=2 P=1 X=1 CC=2, M=1 PT=111, seq 0x1234, ts 0xdeadbeef, ssrc 0xcafebabe, two CSRCs, a one-byte
     * extension block with id 1 (1 byte), a padding byte, id 3 (2 bytes) and id 4 (3 bytes), then a
     * 4-byte payload and 3 bytes of padding.
     */
    static final String PACKET = """
            b2ef1234 deadbeef cafebabe 00000001 00000002
            bede0003 10aa0031 22224233 33330000
            01020304 000003""";

    private static RtpPacket packet(String hex, int room) {
        byte[] bytes = Hex.of(hex);
        return RtpPacket.parse(Arrays.copyOf(bytes, bytes.length + room), 0, bytes.length);
    }

    @Test
    void readsTheFixedHeaderCsrcsPayloadAndPadding() {
        RtpPacket p = packet(PACKET, 0);
        assertThat(p.version()).isEqualTo(2);
        assertThat(p.hasPadding()).isTrue();
        assertThat(p.hasExtension()).isTrue();
        assertThat(p.csrcCount()).isEqualTo(2);
        assertThat(p.marker()).isTrue();
        assertThat(p.payloadType()).isEqualTo(111);
        assertThat(p.sequenceNumber()).isEqualTo(0x1234);
        assertThat(p.timestamp()).isEqualTo(0xdeadbeef);
        assertThat(p.ssrc()).isEqualTo(0xcafebabe);
        assertThat(p.csrc(0)).isEqualTo(1);
        assertThat(p.csrc(1)).isEqualTo(2);
        assertThat(p.headerLength()).isEqualTo(36);
        assertThat(p.payloadLength()).isEqualTo(4);
        assertThat(p.paddingLength()).isEqualTo(3);
        assertThat(Hex.of(p.buffer(), p.payloadOffset(), p.payloadLength())).isEqualTo("01020304");
        assertThat(p.extensionProfile()).isEqualTo(0xBEDE);
    }

    @Test
    void findsOneByteExtensionsAcrossPaddingBytes() {
        RtpPacket p = packet(PACKET, 0);
        assertThat(p.extension(1)).containsExactly(0xaa);
        assertThat(p.extension(3)).isEqualTo(Hex.of("2222"));
        assertThat(p.extension(4)).isEqualTo(Hex.of("333333"));
        assertThat(p.extension(2)).isNull();
        assertThat(p.extensionLength(2)).isEqualTo(-1);
    }

    @Test
    void findsTwoByteExtensionsIncludingEmptyOnes() {
        // Profile 0x1000 with appbits 0: id 1 empty, a padding byte, id 200 with 3 bytes.
        RtpPacket p = packet("90600001 00000000 00000001 10000002 0100 00 c8 03 abcdef 00 ff", 0);
        assertThat(p.extensionLength(1)).isZero();
        assertThat(p.extensionByteOffset(1)).as("empty: no byte to read").isEqualTo(-1);
        assertThat(p.extensionByteOffset(200)).isEqualTo(p.extensionOffset(200));
        assertThat(p.extensionByteOffset(7)).isEqualTo(-1);
        assertThat(p.extension(200)).isEqualTo(Hex.of("abcdef"));
        assertThat(p.payloadLength()).isEqualTo(2);
    }

    @Test
    void rewritesHeaderFieldsInPlace() {
        RtpPacket p = packet(PACKET, 0);
        p.setSsrc(0x01020304);
        p.setPayloadType(96);
        p.setSequenceNumber(0xffff);
        p.setTimestamp(90000);
        p.setMarker(false);
        RtpPacket again = RtpPacket.parse(p.buffer(), 0, p.length());
        assertThat(again.ssrc()).isEqualTo(0x01020304);
        assertThat(again.payloadType()).isEqualTo(96);
        assertThat(again.sequenceNumber()).isEqualTo(0xffff);
        assertThat(again.timestamp()).isEqualTo(90000);
        assertThat(again.marker()).isFalse();
        assertThat(again.extension(4)).isEqualTo(Hex.of("333333"));
    }

    @Test
    void overwritesAnExtensionOfTheSameLengthInPlace() {
        RtpPacket p = packet(PACKET, 0);
        assertThat(p.setExtension(4, Hex.of("010203"))).isEqualTo(p.length());
        assertThat(p.extension(4)).isEqualTo(Hex.of("010203"));
    }

    @Test
    void addsAnExtensionByMovingThePayload() {
        RtpPacket p = packet(PACKET, 16);
        int before = p.length();
        int after = p.setExtension(7, Hex.of("0a0b0c0d"));
        assertThat(after).isEqualTo(before + 4);
        assertThat(p.length()).isEqualTo(after);
        assertThat(p.extension(7)).isEqualTo(Hex.of("0a0b0c0d"));
        assertThat(p.extension(1)).containsExactly(0xaa);
        assertThat(p.extension(4)).isEqualTo(Hex.of("333333"));
        assertThat(Hex.of(p.buffer(), p.payloadOffset(), p.payloadLength())).isEqualTo("01020304");
        assertThat(p.paddingLength()).isEqualTo(3);
    }

    @Test
    void addsAnExtensionToAPacketWithoutOne() {
        RtpPacket p = packet("80600001 00000000 00000001 cafe", 8);
        assertThat(p.setExtension(2, Hex.of("00ff"))).isEqualTo(22);
        assertThat(Hex.of(p.buffer(), 0, 22)).isEqualTo("90600001000000000000000 1bede0001 2100ff00 cafe".replace(" ", ""));
    }

    @Test
    void switchesToTheTwoByteFormWhenAnIdNeedsIt() {
        RtpPacket p = packet(PACKET, 32);
        assertThat(p.setExtension(20, Hex.of("55"))).isPositive();
        assertThat(p.extensionProfile()).isEqualTo(0x1000);
        assertThat(p.extension(20)).containsExactly(0x55);
        assertThat(p.extension(3)).isEqualTo(Hex.of("2222"));
    }

    @Test
    void removesExtensionsAndTheBlockWhenEmpty() {
        RtpPacket p = packet("90600001 00000000 00000001 bede0001 1100ff00 cafe", 0);
        assertThat(p.removeExtension(1)).isEqualTo(14);
        assertThat(p.hasExtension()).isFalse();
        assertThat(Hex.of(p.buffer(), 0, 14)).isEqualTo("8060000100000000" + "00000001cafe");
    }

    @Test
    void refusesToGrowPastTheBuffer() {
        RtpPacket p = packet(PACKET, 0);
        assertThat(p.setExtension(7, Hex.of("0a0b0c0d"))).isEqualTo(-1);
        assertThat(p.extension(7)).isNull();
    }

    @Test
    void rejectsMalformedPacketsWithoutThrowing() {
        RtpPacket view = new RtpPacket();
        assertThat(view.wrap(new byte[11], 0, 11)).isFalse();
        assertThat(view.wrap(Hex.of("40000000 00000000 00000000"), 0, 12)).as("version 1").isFalse();
        assertThat(view.wrap(Hex.of("82000000 00000000 00000000 00000000"), 0, 16)).as("CSRCs past end").isFalse();
        assertThat(view.wrap(Hex.of("90000000 00000000 00000000 bede0002 00000000"), 0, 20)).as("ext past end").isFalse();
        assertThat(view.wrap(Hex.of("a0000000 00000000 00000000 0000"), 0, 14)).as("zero padding").isFalse();
        assertThat(view.wrap(Hex.of("a0000000 00000000 00000000 0009"), 0, 14)).as("padding past header").isFalse();
        assertThat(view.wrap(new byte[20], 10, 12)).as("past the buffer").isFalse();
        assertThat(RtpPacket.parse(null, 0, 0)).isNull();
        // Element lengths that run past the block are ignored, not read.
        RtpPacket p = packet("90600001 00000000 00000001 bede0001 1fffffff", 0);
        assertThat(p.extension(1)).isNull();
    }

    @Test
    void wrapsAtAnOffset() {
        byte[] bytes = Hex.of(PACKET);
        byte[] buf = new byte[bytes.length + 10];
        System.arraycopy(bytes, 0, buf, 10, bytes.length);
        RtpPacket p = RtpPacket.parse(buf, 10, bytes.length);
        assertThat(p.ssrc()).isEqualTo(0xcafebabe);
        assertThat(p.payloadOffset()).isEqualTo(46);
        assertThat(p.extension(3)).isEqualTo(Hex.of("2222"));
    }
}
