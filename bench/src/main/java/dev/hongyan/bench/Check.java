package dev.hongyan.bench;

/**
 * A target a figure is held to, e.g. {@code rooms.deliveriesPerSecond >= 200000}. A figure that is
 * missing (a criterion never met within its bound) fails.
 */
record Check(String name, String figure, Comparison comparison, double threshold) {

    enum Comparison {
        AT_MOST("<="), AT_LEAST(">="), EQUALS("==");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        String symbol() {
            return symbol;
        }
    }

    static Check atMost(String name, String figure, double threshold) {
        return new Check(name, figure, Comparison.AT_MOST, threshold);
    }

    static Check atLeast(String name, String figure, double threshold) {
        return new Check(name, figure, Comparison.AT_LEAST, threshold);
    }

    boolean passes(Double measured) {
        if (measured == null || measured.isNaN() || measured.isInfinite()) {
            return false;
        }
        return switch (comparison) {
            case AT_MOST -> measured <= threshold;
            case AT_LEAST -> measured >= threshold;
            case EQUALS -> measured == threshold;
        };
    }

    String target() {
        return figure + " " + comparison.symbol() + " " + Report.number(threshold);
    }
}
