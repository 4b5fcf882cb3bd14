package dev.hongyan.media.rtp;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** Corrupted input must be refused or read within bounds: no exception of any kind escapes. */
class RtpFuzzTest {
    @Test
    void corruptedPacketsNeverThrow() {
        byte[] valid = Hex.of(RtpPacketTest.PACKET);
        Random random = new Random(8285);
        RtpPacket view = new RtpPacket();
        for (int round = 0; round < 20_000; round++) {
            byte[] buf = java.util.Arrays.copyOf(valid, valid.length + random.nextInt(24));
            for (int f = 1 + random.nextInt(4); f > 0; f--) {
                buf[random.nextInt(valid.length)] = (byte) random.nextInt(256);
            }
            int len = random.nextInt(valid.length + 1);
            if (!view.wrap(buf, 0, len)) {
                continue;
            }
            for (int id = 0; id < 16; id++) {
                view.extension(id);
            }
            RtpExtensions.audioLevel(view, 1);
            RtpExtensions.mid(view, 3);
            view.setExtension(1 + random.nextInt(20), new byte[1 + random.nextInt(4)]);
            view.removeExtension(3);
            Vp8Descriptor.parse(buf, view.payloadOffset(), view.payloadLength());
            Vp9Descriptor.parse(buf, view.payloadOffset(), view.payloadLength());
            H264.isKeyframe(buf, view.payloadOffset(), view.payloadLength());
            Rtx.encapsulate(view, new byte[80], 0, 1, 97, 1);
            Rtx.decapsulate(view, new byte[80], 0, 1, 96);
        }
    }
}
