package dev.hongyan.media.rtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SequenceNumbersTest {
    @Test
    void newerWrapsAround() {
        assertThat(SequenceNumbers.isNewer(1, 0)).isTrue();
        assertThat(SequenceNumbers.isNewer(0, 65535)).isTrue();
        assertThat(SequenceNumbers.isNewer(65535, 0)).isFalse();
        assertThat(SequenceNumbers.isNewer(5, 5)).isFalse();
        assertThat(SequenceNumbers.isNewer(0x7fff, 0)).isTrue();
        assertThat(SequenceNumbers.isNewer(0x8000, 0)).isFalse();
        assertThat(SequenceNumbers.delta(2, 65534)).isEqualTo(4);
        assertThat(SequenceNumbers.delta(65534, 2)).isEqualTo(-4);
        assertThat(SequenceNumbers.latest(65535, 3)).isEqualTo(3);
    }

    @Test
    void unwrapsAcrossRolloversAndReordering() {
        SequenceUnwrapper u = new SequenceUnwrapper();
        assertThat(u.unwrap(65534)).isEqualTo(65534);
        assertThat(u.unwrap(65535)).isEqualTo(65535);
        assertThat(u.unwrap(1)).isEqualTo(65537);
        assertThat(u.unwrap(0)).isEqualTo(65536);
        assertThat(u.unwrap(65533)).isEqualTo(65533);
        assertThat(u.newest()).isEqualTo(65537);
        long x = 65537;
        for (int i = 0; i < 3 * 65536; i += 1000) {
            x = u.unwrap((int) ((x + 1000) & 0xffff));
        }
        assertThat(x).isEqualTo(65537 + 197 * 1000);
    }
}
