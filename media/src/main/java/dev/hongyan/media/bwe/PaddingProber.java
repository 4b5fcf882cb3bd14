package dev.hongyan.media.bwe;

/**
 * Decides when to send padding (mediasoup's probation) to find out whether the path carries more than the
 * estimate says, and reads the answer from the acknowledged bitrate.
 *
 * <p>Why: the engine forwards what producers send and never paces, so the delay-based estimate grows only
 * to {@link DelayBasedController#MAX_OVER_ACKNOWLEDGED} times what the receiver acknowledged. A consumer held
 * on a low layer therefore keeps the estimate low, and the next layer up, often twice the cost, would never
 * fit: it would be pinned there for good. libwebrtc and mediasoup get out of this by probing; so do we, in
 * the simplest form: when the layer allocation wants more than the estimate, everything sent (media and
 * padding) is brought up to a target rate for a while, and if the receiver acknowledges close to that rate
 * with no delay build-up, the path has shown it carries it and the estimate may jump there.
 *
 * <p>A probe aims at {@link #TARGET_PERCENT}% of what is wanted (so that a success shows enough), but never
 * above {@link #MAX_OVER_ESTIMATE} times the estimate: a larger jump is a guess, and several probes climb in
 * steps. It ends well once the acknowledged rate reaches {@link #SUCCESS_FRACTION} of the target, badly on
 * overuse or after {@link #MAX_DURATION_NANOS} (the acknowledged rate needs about a second to show a new
 * rate); the next one waits {@link #INTERVAL_NANOS}, or after a bad one {@link #BACKOFF_NANOS}, doubled for
 * each further bad one up to {@link #MAX_BACKOFF_NANOS}: a probe into a bottleneck makes the delay grow, and
 * the estimate dips for it, so a path that keeps saying no is asked less and less often.
 *
 * <p>Deterministic: time is passed in.
 */
final class PaddingProber {
    static final int TARGET_PERCENT = 120;
    static final long MAX_OVER_ESTIMATE = 2;
    static final double SUCCESS_FRACTION = 0.9;
    static final long MAX_DURATION_NANOS = 3_000_000_000L;
    static final long INTERVAL_NANOS = 2_000_000_000L;
    static final long BACKOFF_NANOS = 10_000_000_000L;
    static final long MAX_BACKOFF_NANOS = 60_000_000_000L;
    /** Padding owed is capped at this much time at the target rate: no catch-up bursts after a stall. */
    static final long MAX_BURST_NANOS = 40_000_000L;

    private boolean probing;
    private long target;
    private long startNanos;
    private long sentBytes;
    private long notBeforeNanos = Long.MIN_VALUE;
    private long backoffNanos = BACKOFF_NANOS;

    /**
     * The allocation would like the estimate to be {@code wanted} bit/s; it is {@code available}. Starts a
     * probe when the estimate falls short and none ran recently; returns whether it did.
     */
    boolean want(long wanted, long available, long nowNanos) {
        if (probing || wanted <= available || available <= 0
                || (notBeforeNanos != Long.MIN_VALUE && nowNanos < notBeforeNanos)) {
            return false;
        }
        probing = true;
        target = Math.min(wanted * TARGET_PERCENT / 100, available * MAX_OVER_ESTIMATE);
        startNanos = nowNanos;
        sentBytes = 0;
        return true;
    }

    boolean probing() {
        return probing;
    }

    /** bit/s everything sent is brought up to while probing; 0 otherwise. */
    long target() {
        return probing ? target : 0;
    }

    /** Something stamped for transport-cc went out (media, retransmission or padding). */
    void onSent(int bytes) {
        if (probing) {
            sentBytes += bytes;
        }
    }

    /** Bytes of padding to send now so that all sent since the probe began averages the target rate. */
    int paddingDue(long nowNanos) {
        if (!probing) {
            return 0;
        }
        long elapsed = nowNanos - startNanos;
        if (elapsed >= MAX_DURATION_NANOS) {
            failed(nowNanos); // the path did not show the rate in time
            return 0;
        }
        long owed = bytesAt(target, elapsed) - sentBytes;
        return (int) Math.max(0, Math.min(owed, bytesAt(target, MAX_BURST_NANOS)));
    }

    /**
     * After each transport-cc feedback, with the estimator's view: the bit/s the probe has shown the path
     * carries (the probe is over), or -1 (still running, failed, or none).
     */
    long onFeedback(long acknowledged, BandwidthUsage usage, long nowNanos) {
        if (!probing) {
            return -1;
        }
        if (usage == BandwidthUsage.OVERUSING) {
            failed(nowNanos);
            return -1;
        }
        if (acknowledged >= SUCCESS_FRACTION * target) {
            probing = false;
            notBeforeNanos = nowNanos + INTERVAL_NANOS;
            backoffNanos = BACKOFF_NANOS;
            return acknowledged;
        }
        return -1;
    }

    private void failed(long nowNanos) {
        probing = false;
        notBeforeNanos = nowNanos + backoffNanos;
        backoffNanos = Math.min(MAX_BACKOFF_NANOS, backoffNanos * 2);
    }

    private static long bytesAt(long bitrate, long nanos) {
        return bitrate * nanos / 8_000_000_000L;
    }
}
