package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DropMemoryTest {

    @Test
    void countsDropsNewerThanALatePacketAcrossTheSixteenBitWrap() {
        DropMemory drops = new DropMemory(8, 16);
        drops.add(65530);
        drops.add(65535);
        drops.add(3);
        assertThat(drops.newerThan(65533)).isEqualTo(2); // 65535 and 3 are newer across the wrap
        assertThat(drops.newerThan(65529)).isEqualTo(3);
        assertThat(drops.newerThan(4)).isZero();
        assertThat(drops.contains(65535)).isTrue();
        assertThat(drops.contains(3)).isTrue();
        assertThat(drops.contains(65534)).isFalse();
        assertThat(drops.contains(0)).isFalse();
    }

    @Test
    void comparesUnwrappedNumbersOverTheWholeInt() {
        DropMemory drops = new DropMemory(8, 32);
        drops.add(40_000);
        drops.add(70_000); // unwrapped PictureIDs run past 15 bits
        assertThat(drops.newerThan(50_000)).isEqualTo(1);
        assertThat(drops.newerThan(39_999)).isEqualTo(2);
        assertThat(drops.contains(70_000)).isTrue();
        assertThat(drops.contains(70_000 & 0x7FFF)).as("not the same picture once unwrapped").isFalse();
    }

    @Test
    void onceTheOldestIsForgottenALatePacketOlderThanEveryOneRememberedIsUnknown() {
        DropMemory drops = new DropMemory(4, 16);
        for (int seq = 10; seq <= 14; seq++) {
            drops.add(seq); // 10 is forgotten
        }
        assertThat(drops.newerThan(12)).isEqualTo(2);
        assertThat(drops.newerThan(9)).as("whether 10 was newer can no longer be told").isEqualTo(-1);
        assertThat(drops.contains(10)).isFalse();

        drops.clear();
        assertThat(drops.newerThan(9)).isZero();
        drops.add(20);
        assertThat(drops.newerThan(9)).isEqualTo(1);
    }

    @Test
    void refusesACapacityThatIsNoPowerOfTwo() {
        assertThatThrownBy(() -> new DropMemory(100, 16)).hasMessageContaining("power of two");
        assertThatThrownBy(() -> new DropMemory(8, 33)).hasMessageContaining("bits");
    }
}
