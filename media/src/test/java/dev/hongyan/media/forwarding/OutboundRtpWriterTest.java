package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.rtp.RtpPacket;
import dev.hongyan.media.rtp.Rtx;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutboundRtpWriterTest {
    private static final long NOW = 123_456_789_000L;

    /** Producer packets: plain; with CSRCs; with a one-byte extension block; with padding; all together. */
    private static List<byte[]> sources() {
        Random r = new Random(7);
        byte[] payload = new byte[900];
        r.nextBytes(payload);
        return List.of(
                packet(0x80, new byte[0], payload, 0),
                packet(0x82, new byte[8], payload, 0),
                packet(0x90, new byte[] {(byte) 0xBE, (byte) 0xDE, 0, 2, 0x10, 0x55, 0x20, 0x03, 0, 0, 0, 0},
                        payload, 0),
                packet(0xA0, new byte[0], payload, 7),
                packet(0xB1, concat(new byte[4], new byte[] {(byte) 0xBE, (byte) 0xDE, 0, 1, 0x10, (byte) 0x99, 0x20,
                        0x01}), Arrays.copyOf(payload, 1), 3));
    }

    private static byte[] packet(int firstByte, byte[] afterFixed, byte[] payload, int padding) {
        byte[] b = new byte[12 + afterFixed.length + payload.length + padding];
        b[0] = (byte) firstByte;
        b[1] = (byte) (0x80 | 100); // marker, PT 100
        b[2] = 0x12;
        b[3] = 0x34;
        b[7] = 0x64;
        b[11] = 0x0A;
        System.arraycopy(afterFixed, 0, b, 12, afterFixed.length);
        System.arraycopy(payload, 0, b, 12 + afterFixed.length, payload.length);
        if (padding > 0) {
            b[b.length - 1] = (byte) padding;
        }
        return b;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void theRtxFormIsExactlyRfc4588EncapsulationOfThePlainCopy() {
        // Every combination of negotiated extensions the writer can rebuild.
        OutboundRtpWriter[] writers = {
            new OutboundRtpWriter(0, null, 0, 0, 0, 0),
            new OutboundRtpWriter(1, "3", 2, 3, 0, 0),
            new OutboundRtpWriter(1, "video-17", 2, 3, 4, 5),
        };
        for (byte[] wire : sources()) {
            RtpPacket src = RtpPacket.parse(wire, 0, wire.length);
            assertThat(src).isNotNull();
            int audioAt = src.extensionByteOffset(1);
            int orientationAt = src.extensionByteOffset(2);
            for (OutboundRtpWriter w : writers) {
                byte[] plain = new byte[2048];
                int plainLen = w.write(src, audioAt, orientationAt, 77, NOW, 0x0C0C, 101, 500, 9000, plain);
                assertThat(plainLen).isPositive();
                byte[] expected = new byte[2048];
                int expectedLen = Rtx.encapsulate(RtpPacket.parse(plain, 0, plainLen), expected, 0, 0x0D0D, 102, 42);

                byte[] direct = new byte[2048];
                int directLen = w.writeRtx(src, audioAt, orientationAt, 77, NOW, 0x0D0D, 102, 42, 500, 9000, direct);

                assertThat(directLen).isEqualTo(expectedLen);
                assertThat(Arrays.copyOf(direct, directLen)).isEqualTo(Arrays.copyOf(expected, expectedLen));
                RtpPacket rtx = RtpPacket.parse(direct, 0, directLen);
                assertThat(rtx.hasPadding()).isFalse();
                assertThat(Rtx.originalSequenceNumber(rtx)).isEqualTo(500);
            }
        }
    }

    @Test
    void aCopyThatDoesNotFitIsRefused() {
        byte[] wire = sources().get(0);
        RtpPacket src = RtpPacket.parse(wire, 0, wire.length);
        OutboundRtpWriter w = new OutboundRtpWriter(1, "0", 0, 0, 0, 0);
        assertThat(w.write(src, -1, -1, 0, NOW, 1, 101, 1, 1, new byte[wire.length])).isEqualTo(-1);
        assertThat(w.writeRtx(src, -1, -1, 0, NOW, 1, 102, 1, 1, 1, new byte[wire.length + 9])).isEqualTo(-1);
    }
}
