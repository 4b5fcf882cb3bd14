package dev.hongyan.media.bwe;

import java.util.List;

/**
 * Send-side bandwidth estimation from transport-cc feedback: the available bitrate is the smaller of a
 * delay-based rate ({@link TrendlineEstimator} → {@link DelayBasedController}) and a loss-based rate
 * ({@link LossBasedController}), as draft-ietf-rmcat-gcc-02 §4 combines them, within
 * [{@code minBitrate}, {@code maxBitrate}]. It starts at {@code initialBitrate} (mediasoup's
 * initialAvailableOutgoingBitrate is 600 kbit/s).
 *
 * <p>The engine does not pace: it forwards what producers send. So the estimate grows only as far as the
 * traffic shows ({@link DelayBasedController#MAX_OVER_ACKNOWLEDGED} × acknowledged), unless a probe
 * ({@link PaddingProber}) shows more and {@link #onProbeResult} lifts it. It is a measurement to report and
 * to choose consumers' layers with, not a rate anything here is held to.
 */
public final class SendSideEstimator {
    public static final long DEFAULT_INITIAL_BITRATE = 600_000;
    public static final long DEFAULT_MIN_BITRATE = 30_000;
    public static final long DEFAULT_MAX_BITRATE = 100_000_000;

    private final long minBitrate;
    private final long maxBitrate;
    private final AcknowledgedBitrate acknowledged = new AcknowledgedBitrate();
    private final TrendlineEstimator trendline = new TrendlineEstimator();
    private final DelayBasedController delayBased;
    private final LossBasedController lossBased;
    private long available;

    public SendSideEstimator(long initialBitrate, long minBitrate, long maxBitrate) {
        if (minBitrate <= 0 || maxBitrate < minBitrate || initialBitrate < minBitrate || initialBitrate > maxBitrate) {
            throw new IllegalArgumentException("need 0 < min <= initial <= max");
        }
        this.minBitrate = minBitrate;
        this.maxBitrate = maxBitrate;
        this.delayBased = new DelayBasedController(initialBitrate);
        this.lossBased = new LossBasedController(initialBitrate);
        this.available = initialBitrate;
    }

    public static SendSideEstimator withDefaults() {
        return startingAt(DEFAULT_INITIAL_BITRATE);
    }

    /** The default bounds, starting from {@code initialBitrate}. */
    public static SendSideEstimator startingAt(long initialBitrate) {
        return new SendSideEstimator(initialBitrate, DEFAULT_MIN_BITRATE, DEFAULT_MAX_BITRATE);
    }

    /** Bits per second the path to the receiver is estimated to carry. */
    public long availableBitrate() {
        return available;
    }

    /** Bits per second the receiver acknowledged over the last second, or -1 while unknown. */
    public long acknowledgedBitrate() {
        return acknowledged.bitrate();
    }

    public BandwidthUsage delayUsage() {
        return trendline.usage();
    }

    public long delayBasedBitrate() {
        return delayBased.estimate();
    }

    public long lossBasedBitrate() {
        return lossBased.estimate();
    }

    /**
     * A probe showed the path carried {@code bitrate} without delay build-up: both controllers start from
     * at least that (the loss-based one too, or its slow climb would hold the combined figure back). Ignored
     * while the delay trend says overuse. Returns the new available bitrate.
     */
    public long onProbeResult(long bitrate) {
        if (trendline.usage() == BandwidthUsage.OVERUSING) {
            return available;
        }
        long capped = Math.min(maxBitrate, bitrate);
        delayBased.raiseTo(capped);
        lossBased.set(Math.max(lossBased.estimate(), capped));
        available = Math.max(minBitrate, Math.min(maxBitrate, Math.min(delayBased.estimate(), lossBased.estimate())));
        return available;
    }

    /**
     * One feedback packet's results, in transport-wide sequence (= send) order, at {@code nowMicros} on
     * our clock. Returns the new available bitrate.
     */
    public long onFeedback(List<PacketResult> results, long nowMicros) {
        int received = 0;
        int lost = 0;
        BandwidthUsage usage = trendline.usage();
        for (PacketResult r : results) {
            if (!r.received()) {
                lost++;
                continue;
            }
            received++;
            acknowledged.onAcknowledged(r.arrivalMicros(), r.size());
            usage = trendline.onPacket(r.sendMicros(), r.arrivalMicros());
        }
        if (received == 0 && lost == 0) {
            return available;
        }
        if (received > 0) {
            delayBased.update(usage, acknowledged.bitrate(), nowMicros);
            delayBased.clamp(minBitrate, maxBitrate);
        }
        long combined = Math.min(delayBased.estimate(), lossBased.estimate());
        lossBased.update(received, lost, combined, nowMicros);
        lossBased.set(Math.max(minBitrate, lossBased.estimate()));
        available = Math.max(minBitrate, Math.min(maxBitrate, Math.min(delayBased.estimate(), lossBased.estimate())));
        return available;
    }
}
