package dev.hongyan.bench;

import java.util.Arrays;
import java.util.List;

/** Exact statistics over small sorted samples: medians of repeated runs, reference values in tests. */
final class Percentiles {

    private Percentiles() {}

    /** Nearest rank: the smallest value with at least {@code percentile}% of the sample at or below it. */
    static long nearestRank(long[] values, double percentile) {
        if (values.length == 0) {
            return 0;
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.max(1, Math.ceil(percentile / 100.0 * sorted.length));
        return sorted[Math.min(rank, sorted.length) - 1];
    }

    /** The median; the mean of the two middle values for an even count. NaN when empty. */
    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
