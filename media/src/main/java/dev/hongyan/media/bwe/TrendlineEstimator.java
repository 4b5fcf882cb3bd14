package dev.hongyan.media.bwe;

/**
 * The delay-based detector: is the one-way delay growing? Built on draft-ietf-rmcat-gcc-02 §5 with the
 * Kalman filter of §5.3 replaced by a least-squares trend, which is what deployed senders use today and is
 * easier to reason about.
 *
 * <ol>
 *   <li>Packets sent within {@link #BURST_MICROS} of a group's first packet form one group (§5.2: a video
 *       frame leaves as a burst, and only its last packet's arrival says when the burst got through).</li>
 *   <li>For consecutive groups, the delay variation is d = Δarrival − Δsend of their last packets.
 *       A queue that grows makes d positive.</li>
 *   <li>d is accumulated (the queueing delay built up so far, give or take a constant), smoothed
 *       exponentially ({@link #SMOOTHING}), and the last {@link #WINDOW_SIZE} points (arrival time,
 *       smoothed delay) get a least-squares slope: the delay gradient.</li>
 *   <li>The slope, scaled by the number of deltas seen (up to 60) and {@link #GAIN}, is compared to the
 *       adaptive threshold γ of §5.4: above it for more than {@link #OVERUSE_MILLIS} and not falling →
 *       overuse; below −γ → underuse; else normal. γ follows |m| up fast ({@link #K_UP}) and down slowly
 *       ({@link #K_DOWN}), ignoring spikes more than 15 above it, and stays within [6, 600].</li>
 * </ol>
 */
final class TrendlineEstimator {
    static final long BURST_MICROS = 5_000;
    static final int WINDOW_SIZE = 20;
    static final double SMOOTHING = 0.9;
    static final double GAIN = 4.0;
    static final double OVERUSE_MILLIS = 10.0;
    static final double INITIAL_THRESHOLD = 12.5;
    static final double K_UP = 0.01;
    static final double K_DOWN = 0.00018;
    /** Groups further apart in arrival than this start the filter over: a pause says nothing of queues. */
    static final double RESET_GAP_MILLIS = 3_000;

    // The group being filled and the last complete one.
    private boolean inGroup;
    private long groupFirstSend;
    private long groupLastSend;
    private long groupLastArrival;
    private boolean hasPrevious;
    private long previousLastSend;
    private long previousLastArrival;

    // The trend filter.
    private final double[] xs = new double[WINDOW_SIZE];
    private final double[] ys = new double[WINDOW_SIZE];
    private int points;
    private int next;
    private long firstArrival;
    private double accumulated;
    private double smoothed;
    private int deltas;
    private double previousTrend;

    // The detector.
    private double threshold = INITIAL_THRESHOLD;
    private double lastThresholdUpdateMillis = Double.NaN;
    private double overuseMillis;
    private int overuseCount;
    private double modifiedTrend;
    private BandwidthUsage usage = BandwidthUsage.NORMAL;

    BandwidthUsage usage() {
        return usage;
    }

    double threshold() {
        return threshold;
    }

    /** The last scaled trend compared with the threshold, for tests and logs. */
    double modifiedTrend() {
        return modifiedTrend;
    }

    /** One received packet, in send order. */
    BandwidthUsage onPacket(long sendMicros, long arrivalMicros) {
        if (!inGroup) {
            startGroup(sendMicros, arrivalMicros);
            return usage;
        }
        if (sendMicros - groupFirstSend <= BURST_MICROS) {
            groupLastSend = Math.max(groupLastSend, sendMicros);
            groupLastArrival = Math.max(groupLastArrival, arrivalMicros);
            return usage;
        }
        if (hasPrevious) {
            double sendDelta = (groupLastSend - previousLastSend) / 1000.0;
            double arrivalDelta = (groupLastArrival - previousLastArrival) / 1000.0;
            if (arrivalDelta > RESET_GAP_MILLIS || arrivalDelta < -RESET_GAP_MILLIS) {
                reset();
            } else if (arrivalDelta >= 0) {
                // A group that arrived before the previous one was reordered in the network: skip it.
                update(arrivalDelta - sendDelta, sendDelta, groupLastArrival);
            }
        }
        hasPrevious = true;
        previousLastSend = groupLastSend;
        previousLastArrival = groupLastArrival;
        startGroup(sendMicros, arrivalMicros);
        return usage;
    }

    private void startGroup(long sendMicros, long arrivalMicros) {
        inGroup = true;
        groupFirstSend = sendMicros;
        groupLastSend = sendMicros;
        groupLastArrival = arrivalMicros;
    }

    private void reset() {
        points = 0;
        next = 0;
        accumulated = 0;
        smoothed = 0;
        deltas = 0;
        previousTrend = 0;
        overuseMillis = 0;
        overuseCount = 0;
        usage = BandwidthUsage.NORMAL;
    }

    private void update(double delayVariationMillis, double sendDeltaMillis, long arrivalMicros) {
        if (points == 0) {
            firstArrival = arrivalMicros;
        }
        deltas = Math.min(deltas + 1, 1000);
        accumulated += delayVariationMillis;
        smoothed = SMOOTHING * smoothed + (1 - SMOOTHING) * accumulated;
        xs[next] = (arrivalMicros - firstArrival) / 1000.0;
        ys[next] = smoothed;
        next = (next + 1) % WINDOW_SIZE;
        points = Math.min(points + 1, WINDOW_SIZE);
        double trend = points == WINDOW_SIZE ? slope() : previousTrend;
        detect(trend, sendDeltaMillis, arrivalMicros / 1000.0);
    }

    private double slope() {
        double meanX = 0;
        double meanY = 0;
        for (int i = 0; i < points; i++) {
            meanX += xs[i];
            meanY += ys[i];
        }
        meanX /= points;
        meanY /= points;
        double numerator = 0;
        double denominator = 0;
        for (int i = 0; i < points; i++) {
            numerator += (xs[i] - meanX) * (ys[i] - meanY);
            denominator += (xs[i] - meanX) * (xs[i] - meanX);
        }
        return denominator == 0 ? previousTrend : numerator / denominator;
    }

    private void detect(double trend, double sendDeltaMillis, double nowMillis) {
        modifiedTrend = Math.min(deltas, 60) * trend * GAIN;
        if (modifiedTrend > threshold) {
            overuseMillis += Math.max(sendDeltaMillis, 0);
            overuseCount++;
            if (overuseMillis > OVERUSE_MILLIS && overuseCount > 1 && trend >= previousTrend) {
                usage = BandwidthUsage.OVERUSING;
                overuseMillis = 0;
                overuseCount = 0;
            }
        } else {
            overuseMillis = 0;
            overuseCount = 0;
            usage = modifiedTrend < -threshold ? BandwidthUsage.UNDERUSING : BandwidthUsage.NORMAL;
        }
        previousTrend = trend;
        adaptThreshold(nowMillis);
    }

    private void adaptThreshold(double nowMillis) {
        if (Double.isNaN(lastThresholdUpdateMillis)) {
            lastThresholdUpdateMillis = nowMillis;
        }
        double magnitude = Math.abs(modifiedTrend);
        if (magnitude > threshold + 15) {
            lastThresholdUpdateMillis = nowMillis; // a spike: do not let it raise the bar
            return;
        }
        double k = magnitude > threshold ? K_UP : K_DOWN;
        double elapsed = Math.min(Math.max(nowMillis - lastThresholdUpdateMillis, 0), 100);
        threshold += k * (magnitude - threshold) * elapsed;
        threshold = Math.max(6, Math.min(600, threshold));
        lastThresholdUpdateMillis = nowMillis;
    }
}
