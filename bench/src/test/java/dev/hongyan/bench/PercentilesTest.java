package dev.hongyan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOfATextbookSample() {
        long[] sample = {15, 20, 35, 40, 50};
        assertThat(Percentiles.nearestRank(sample, 5)).isEqualTo(15);
        assertThat(Percentiles.nearestRank(sample, 30)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(sample, 40)).isEqualTo(20);
        assertThat(Percentiles.nearestRank(sample, 50)).isEqualTo(35);
        assertThat(Percentiles.nearestRank(sample, 100)).isEqualTo(50);
        assertThat(Percentiles.nearestRank(new long[0], 50)).isZero();
    }

    @Test
    void doesNotReorderTheCallersArray() {
        long[] sample = {3, 1, 2};
        Percentiles.nearestRank(sample, 50);
        assertThat(sample).containsExactly(3, 1, 2);
    }

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Percentiles.median(List.of(3.0, 1.0, 2.0))).isEqualTo(2.0);
        assertThat(Percentiles.median(List.of(4.0, 1.0, 3.0, 2.0))).isEqualTo(2.5);
        assertThat(Percentiles.median(List.of())).isNaN();
    }
}
