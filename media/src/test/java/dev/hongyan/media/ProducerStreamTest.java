package dev.hongyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.ortc.ProducerRtpInfo;
import dev.hongyan.media.ortc.RtpCodecParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a producer stream says its temporal layers cost: the layer allocation's prices. */
class ProducerStreamTest {
    private static final long SECOND = 1_000_000_000L;

    private static ProducerStream l1t3() {
        RtpCodecParameters vp8 = new RtpCodecParameters("video/VP8", 96, 90_000, null, Map.of(), List.of());
        return new ProducerStream(new ProducerRtpInfo.Encoding(0, 1111L, "r0", null, 2222, 96, 1, 3), vp8, true, true, 0);
    }

    /** One second of an L1T3 stream: {@code base} bytes of TL0, as many of TL1, twice as many of TL2. */
    private static void second(ProducerStream s, int base) {
        s.countTemporal(0, base);
        s.countTemporal(1, base);
        s.countTemporal(2, base);
        s.countTemporal(2, base);
    }

    @Test
    void cumulativeBitratesPerTemporalLayerSmoothedOverSeconds() {
        ProducerStream s = l1t3();
        s.updateTemporalBitrates(SECOND);
        assertThat(s.bitrate(2)).as("unknown until a whole interval was seen").isZero();
        second(s, 10_000);
        s.updateTemporalBitrates(2 * SECOND);
        assertThat(s.bitrate(0)).isEqualTo(80_000);
        assertThat(s.bitrate(1)).isEqualTo(160_000);
        assertThat(s.bitrate(2)).isEqualTo(320_000);
        assertThat(s.bitrate(7)).as("clamped to the layers there are").isEqualTo(320_000);

        // A keyframe second (TL0 four times the bytes): only half of the jump shows at once.
        s.countTemporal(0, 30_000);
        second(s, 10_000);
        s.updateTemporalBitrates(3 * SECOND);
        assertThat(s.bitrate(0)).isEqualTo((80_000 + 320_000) / 2);
        assertThat(s.bitrate(2)).isEqualTo((320_000 + 560_000) / 2);

        // Packets without a TID count as layer 0.
        s.countTemporal(-1, 40_000);
        s.updateTemporalBitrates(4 * SECOND);
        assertThat(s.bitrate(0)).isEqualTo((200_000 + 320_000) / 2);
    }
}
