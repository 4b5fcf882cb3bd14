package dev.hongyan.media.bwe;

/**
 * The delay-based rate A_r of draft-ietf-rmcat-gcc-02 §5.5: a three-state machine driven by the
 * detector's verdict.
 *
 * <pre>
 *              normal      overuse     underuse
 *   hold       increase    decrease    hold
 *   increase   increase    decrease    hold
 *   decrease   hold        decrease    hold
 * </pre>
 *
 * Increase is multiplicative, {@link #INCREASE_PER_SECOND} per second of feedback, but not while the
 * estimate is already {@link #MAX_OVER_ACKNOWLEDGED} times what the receiver acknowledged: without
 * probing, a higher figure would be a guess. Decrease sets the rate to {@link #BETA} times the
 * acknowledged rate (the path's demonstrated capacity, less room to drain the queue), never raising it,
 * and at most once per {@link #DECREASE_INTERVAL_MICROS}, about a round trip, so one queue is not
 * punished by every feedback packet that reports it.
 */
final class DelayBasedController {
    enum State { HOLD, INCREASE, DECREASE }

    static final double INCREASE_PER_SECOND = 1.08;
    static final double MAX_OVER_ACKNOWLEDGED = 1.5;
    static final double BETA = 0.85;
    static final long DECREASE_INTERVAL_MICROS = 200_000;

    private State state = State.INCREASE;
    private long estimate;
    private long lastUpdateMicros = Long.MIN_VALUE;
    private long lastDecreaseMicros = Long.MIN_VALUE;

    DelayBasedController(long initialBitrate) {
        this.estimate = initialBitrate;
    }

    long estimate() {
        return estimate;
    }

    State state() {
        return state;
    }

    /** One feedback's verdict; {@code acknowledged} is -1 while unknown. */
    long update(BandwidthUsage usage, long acknowledged, long nowMicros) {
        state = switch (usage) {
            case OVERUSING -> State.DECREASE;
            case UNDERUSING -> State.HOLD;
            case NORMAL -> state == State.DECREASE ? State.HOLD : State.INCREASE;
        };
        double elapsedSeconds = lastUpdateMicros == Long.MIN_VALUE ? 0
                : Math.min(nowMicros - lastUpdateMicros, 1_000_000L) / 1e6;
        lastUpdateMicros = nowMicros;
        switch (state) {
            case INCREASE -> {
                if (acknowledged < 0 || estimate < MAX_OVER_ACKNOWLEDGED * acknowledged) {
                    estimate = (long) (estimate * Math.pow(INCREASE_PER_SECOND, Math.max(elapsedSeconds, 0)));
                }
            }
            case DECREASE -> {
                if (lastDecreaseMicros == Long.MIN_VALUE || nowMicros - lastDecreaseMicros >= DECREASE_INTERVAL_MICROS) {
                    long base = acknowledged >= 0 ? acknowledged : estimate;
                    estimate = Math.min(estimate, (long) (BETA * base));
                    lastDecreaseMicros = nowMicros;
                }
            }
            case HOLD -> {
                // keep the rate while the queue drains
            }
        }
        return estimate;
    }

    /** A probe showed the path carries {@code bitrate}: never below it from now. */
    void raiseTo(long bitrate) {
        estimate = Math.max(estimate, bitrate);
    }

    /** Keeps the rate within the estimator's bounds. */
    void clamp(long min, long max) {
        estimate = Math.max(min, Math.min(max, estimate));
    }
}
