package dev.hongyan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void emptyHistogramReportsZeros() {
        LatencyHistogram histogram = new LatencyHistogram();
        assertThat(histogram.count()).isZero();
        assertThat(histogram.percentile(99)).isZero();
        assertThat(histogram.max()).isZero();
        assertThat(histogram.min()).isZero();
        assertThat(histogram.mean()).isZero();
    }

    @Test
    void latenciesOfSecondsKeepTheirPercentilesAndResetForgetsThem() {
        // What the forwarding benchmarks see under overload: a p99 of 100 ms is 100 ms, not the 2 s maximum.
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < 990; i++) {
            histogram.record(1_000_000);          // 1 ms
        }
        for (int i = 0; i < 9; i++) {
            histogram.record(100_000_000);        // 100 ms
        }
        histogram.record(2_000_000_000L);         // 2 s
        assertThat(histogram.percentileMicros(50)).isBetween(1_000L, 1_008L);
        assertThat(histogram.percentileMicros(99.5)).isBetween(100_000L, 100_800L);
        assertThat(histogram.percentileMicros(100)).isEqualTo(2_000_000L);

        histogram.reset();
        assertThat(histogram.count()).isZero();
        assertThat(histogram.percentile(99)).isZero();
        assertThat(histogram.max()).isZero();
        assertThat(histogram.min()).isZero();
        histogram.record(5_000);
        assertThat(histogram.min()).isEqualTo(histogram.max()).isBetween(5_000L, 5_040L);
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (long v = 1; v <= 100; v++) {
            histogram.record(v);
        }
        assertThat(histogram.percentile(50)).isEqualTo(50);
        assertThat(histogram.percentile(99)).isEqualTo(99);
        assertThat(histogram.percentile(100)).isEqualTo(100);
        assertThat(histogram.percentile(0)).isEqualTo(1);
        assertThat(histogram.mean()).isEqualTo(50.5);
    }

    @Test
    void bucketsCoverEveryValueContiguously() {
        long previousHigh = -1;
        for (int index = 0; index < LatencyHistogram.indexOf(Long.MAX_VALUE); index++) {
            long low = LatencyHistogram.lowestValueIn(index);
            long high = LatencyHistogram.highestValueIn(index);
            assertThat(low).as("bucket %d starts where %d ended", index, index - 1).isEqualTo(previousHigh + 1);
            assertThat(LatencyHistogram.indexOf(low)).isEqualTo(index);
            assertThat(LatencyHistogram.indexOf(high)).isEqualTo(index);
            assertThat((double) (high - low)).as("bucket %d width", index).isLessThanOrEqualTo(low / 128.0);
            previousHigh = high;
        }
        assertThat(LatencyHistogram.highestValueIn(LatencyHistogram.indexOf(Long.MAX_VALUE))).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void percentilesMatchExactNearestRankWithinOnePart() {
        Random random = new Random(42);
        assertMatchesExact(() -> 50_000 + random.nextInt(10_000_000));                   // uniform 50 µs .. 10 ms
        assertMatchesExact(() -> (long) Math.exp(8 + random.nextGaussian() * 2));       // log-normal, long tail
        assertMatchesExact(() -> random.nextInt(100) < 99 ? 200_000 : 900_000_000L);    // bimodal: 1 % outliers
    }

    private static void assertMatchesExact(LongSupplier values) {
        int n = 50_000;
        long[] sample = new long[n];
        LatencyHistogram histogram = new LatencyHistogram();
        for (int i = 0; i < n; i++) {
            sample[i] = values.getAsLong();
            histogram.record(sample[i]);
        }
        for (double p : new double[] {0, 1, 50, 90, 99, 99.9, 99.99, 100}) {
            long exact = Percentiles.nearestRank(sample, p);
            long estimate = histogram.percentile(p);
            assertThat(estimate).as("p%s", p).isGreaterThanOrEqualTo(exact);
            assertThat((double) estimate).as("p%s", p).isLessThanOrEqualTo(exact + exact / 128.0);
        }
        assertThat(histogram.max()).isEqualTo(Percentiles.nearestRank(sample, 100));
        assertThat(histogram.count()).isEqualTo(n);
    }

    @Test
    void mergesAndClampsNegatives() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(1_000);
        b.record(3_000_000);
        b.record(-5);
        a.addAll(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.min()).isZero();
        assertThat(a.max()).isEqualTo(3_000_000);
        assertThat(a.percentile(100)).isEqualTo(3_000_000);
    }

    @Test
    void summaryIsInMilliseconds() {
        LatencyHistogram histogram = new LatencyHistogram();
        histogram.record(1_500_000);
        assertThat(histogram.summaryMillis()).containsEntry("count", 1L).containsEntry("maxMs", 1.5)
                .containsEntry("p50Ms", 1.5).containsKeys("p99Ms", "p999Ms", "meanMs");
    }

    @Test
    void refusesPercentilesOutsideTheRange() {
        assertThatThrownBy(() -> new LatencyHistogram().percentile(101)).isInstanceOf(IllegalArgumentException.class);
    }
}
