package dev.hongyan.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 4588 §4: the RTX payload is the OSN followed by the original payload. */
class RtxTest {
    private static final String ORIGINAL = "b0e1 1234 00000064 00000aaa bede0001 1100ff00 c0ffee 0002";

    @Test
    void encapsulatesWithOsnAndRtxIdentityAndDropsPadding() {
        RtpPacket original = RtpPacket.parse(Hex.of(ORIGINAL), 0, Hex.of(ORIGINAL).length);
        byte[] out = new byte[64];
        int len = Rtx.encapsulate(original, out, 0, 0xbbb, 97, 7);
        assertThat(Hex.of(out, 0, len)).isEqualTo("90e10007000000640000 0bbbbede00011100ff00 1234c0ffee".replace(" ", ""));
        RtpPacket rtx = RtpPacket.parse(out, 0, len);
        assertThat(rtx.marker()).isTrue();
        assertThat(rtx.payloadType()).isEqualTo(97);
        assertThat(Rtx.originalSequenceNumber(rtx)).isEqualTo(0x1234);
    }

    @Test
    void decapsulatesBackToTheOriginal() {
        byte[] wire = Hex.of(ORIGINAL);
        RtpPacket original = RtpPacket.parse(wire, 0, wire.length);
        byte[] rtxBuf = new byte[64];
        int rtxLen = Rtx.encapsulate(original, rtxBuf, 0, 0xbbb, 97, 7);
        byte[] back = new byte[64];
        int len = Rtx.decapsulate(RtpPacket.parse(rtxBuf, 0, rtxLen), back, 0, 0xaaa, 96);
        RtpPacket restored = RtpPacket.parse(back, 0, len);
        assertThat(restored.sequenceNumber()).isEqualTo(0x1234);
        assertThat(restored.ssrc()).isEqualTo(0xaaa);
        assertThat(restored.hasPadding()).isFalse();
        assertThat(Hex.of(back, restored.payloadOffset(), restored.payloadLength())).isEqualTo("c0ffee");
        assertThat(restored.extension(1)).isEqualTo(Hex.of("00ff"));
    }

    @Test
    void worksInPlace() {
        byte[] wire = Hex.of("80600005 00000001 00000aaa 0102030405");
        byte[] buf = Arrays.copyOf(wire, 40);
        RtpPacket p = RtpPacket.parse(buf, 0, wire.length);
        int rtxLen = Rtx.encapsulate(p, buf, 0, 0xbbb, 97, 100);
        assertThat(Hex.of(buf, 0, rtxLen)).isEqualTo("80610064000000010000 0bbb00050102030405".replace(" ", ""));
        int len = Rtx.decapsulate(RtpPacket.parse(buf, 0, rtxLen), buf, 0, 0xaaa, 96);
        assertThat(Arrays.copyOf(buf, len)).isEqualTo(wire);
    }

    @Test
    void refusesTooSmallBuffersAndOsnLessPayloads() {
        byte[] wire = Hex.of("80600005 00000001 00000aaa 01");
        RtpPacket p = RtpPacket.parse(wire, 0, wire.length);
        assertThat(Rtx.encapsulate(p, new byte[14], 0, 1, 97, 1)).isEqualTo(-1);
        assertThat(Rtx.decapsulate(p, new byte[64], 0, 1, 96)).isEqualTo(-1);
        assertThat(Rtx.originalSequenceNumber(p)).isEqualTo(-1);
    }
}
