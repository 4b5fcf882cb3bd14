package dev.hongyan.media.bwe;

/**
 * The loss-based rate A_s of draft-ietf-rmcat-gcc-02 §6. Losses are counted over an interval of feedback
 * and then, with p the fraction lost:
 *
 * <ul>
 *   <li>p &gt; 10%: A_s ← A_s × (1 − 0.5p);</li>
 *   <li>p &lt; 2%: A_s ← 1.05 × A_s;</li>
 *   <li>otherwise A_s holds.</li>
 * </ul>
 *
 * The draft applies this per receiver report, about once a second; transport-cc feedback comes ten times
 * as often, so reports are pooled for {@link #INTERVAL_MICROS}: a rule meant for once a second applied
 * ten times a second would be ten times as harsh. The rate the rule starts from is the combined estimate (the caller passes it), so that A_s cannot run away above the
 * delay-based rate and then be cut from a figure nobody used.
 */
final class LossBasedController {
    static final long INTERVAL_MICROS = 1_000_000;
    static final double LOW_LOSS = 0.02;
    static final double HIGH_LOSS = 0.10;
    static final double INCREASE = 1.05;

    private long estimate;
    private long received;
    private long lost;
    private long intervalStartMicros = Long.MIN_VALUE;
    private double lastLossFraction;

    LossBasedController(long initialBitrate) {
        this.estimate = initialBitrate;
    }

    long estimate() {
        return estimate;
    }

    /** The loss fraction of the last interval acted on. */
    double lastLossFraction() {
        return lastLossFraction;
    }

    /**
     * Counts one feedback's packets; when an interval is complete, applies the rule to {@code current}
     * (the combined estimate now) and returns the new A_s.
     */
    long update(int receivedPackets, int lostPackets, long current, long nowMicros) {
        if (intervalStartMicros == Long.MIN_VALUE) {
            intervalStartMicros = nowMicros;
        }
        received += receivedPackets;
        lost += lostPackets;
        long total = received + lost;
        if (nowMicros - intervalStartMicros < INTERVAL_MICROS) {
            return estimate;
        }
        double p = total == 0 ? 0 : (double) lost / total;
        estimate = Math.min(estimate, current);
        if (total > 0) {
            if (p > HIGH_LOSS) {
                estimate = (long) (estimate * (1 - 0.5 * p));
            } else if (p < LOW_LOSS) {
                estimate = (long) (estimate * INCREASE);
            }
            lastLossFraction = p;
        }
        received = 0;
        lost = 0;
        intervalStartMicros = nowMicros;
        return estimate;
    }

    void set(long bitrate) {
        estimate = bitrate;
    }
}
