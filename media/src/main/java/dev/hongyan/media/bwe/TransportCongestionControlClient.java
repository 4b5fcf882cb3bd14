package dev.hongyan.media.bwe;

import dev.hongyan.media.rtcp.TransportCcFeedback;
import java.util.ArrayList;
import java.util.List;

/**
 * The send side of transport-wide congestion control for one transport (mediasoup's
 * TransportCongestionControlClient): remembers the send time and size of every packet we stamped with a
 * transport-wide sequence number, turns the endpoint's transport-cc feedback into {@link PacketResult}s
 * for the {@link SendSideEstimator}, and decides when a {@code bwe} trace is due.
 *
 * <p>An endpoint that negotiated REMB rather than transport-cc tells its estimate outright; until
 * transport-cc feedback arrives, the last REMB is the available bitrate.
 *
 * <p>When the transport's layer allocation wants more than the estimate ({@link #wantBitrate}), a
 * {@link PaddingProber} says how much padding to send ({@link #paddingDue}); what the receiver acknowledges
 * of it can lift the estimate. Only with transport-cc feedback: a REMB says nothing about our padding.
 */
public final class TransportCongestionControlClient {
    /** Sent packets remembered: several seconds at video rates, far more than a feedback interval. */
    static final int HISTORY = 4096;
    private static final int MASK = HISTORY - 1;
    /** A trace at least this often while there is an estimate. */
    public static final long TRACE_INTERVAL_NANOS = 2_000_000_000L;
    /** ... and sooner when the available bitrate moved by this fraction, but not more often than ... */
    static final double TRACE_CHANGE = 0.2;
    static final long MIN_TRACE_INTERVAL_NANOS = 500_000_000L;
    /** How fast the effective desired bitrate may fall: this fraction per second. */
    static final double DESIRED_DECAY_PER_SECOND = 0.05;

    private static final byte UNUSED = 0;
    private static final byte SENT = 1;
    private static final byte REPORTED_LOST = 2;
    private static final byte ACKNOWLEDGED = 3;

    private final SendSideEstimator estimator;
    private final PaddingProber prober = new PaddingProber();
    private final int[] sequences = new int[HISTORY];
    private final long[] sendMicros = new long[HISTORY];
    private final int[] sizes = new int[HISTORY];
    private final byte[] states = new byte[HISTORY];
    private long referenceMicros;
    private int lastReferenceTime;
    private boolean hasReference;
    private long transportCcFeedbacks;
    private long rembBitrate = -1;
    private long desired;
    private double effectiveDesired;
    private long desiredAtNanos = Long.MIN_VALUE;
    private long lastTraceNanos = Long.MIN_VALUE;
    private long lastTracedAvailable;

    public TransportCongestionControlClient(SendSideEstimator estimator) {
        this.estimator = estimator;
    }

    public SendSideEstimator estimator() {
        return estimator;
    }

    /** A packet stamped with {@code wideSequence} of {@code size} bytes went out at {@code nowNanos}. */
    public void onPacketSent(int wideSequence, int size, long nowNanos) {
        int slot = wideSequence & MASK;
        sequences[slot] = wideSequence & 0xFFFF;
        sendMicros[slot] = nowNanos / 1000;
        sizes[slot] = size;
        states[slot] = SENT;
        prober.onSent(size);
    }

    /** The endpoint's feedback; returns the results handed to the estimator (for tests and logs). */
    public List<PacketResult> onFeedback(TransportCcFeedback feedback, long nowNanos) {
        // The reference time is 24 bits of 64 ms: follow it across wraps by its signed difference.
        if (!hasReference) {
            referenceMicros = (long) feedback.referenceTime() * TransportCcFeedback.REFERENCE_TIME_MICROS;
            hasReference = true;
        } else {
            int diff = ((feedback.referenceTime() - lastReferenceTime) << 8) >> 8;
            referenceMicros += (long) diff * TransportCcFeedback.REFERENCE_TIME_MICROS;
        }
        lastReferenceTime = feedback.referenceTime();
        long arrival = referenceMicros;
        List<PacketResult> results = new ArrayList<>(feedback.packetStatusCount());
        List<TransportCcFeedback.PacketStatus> packets = feedback.packets();
        for (int i = 0; i < packets.size(); i++) {
            TransportCcFeedback.PacketStatus p = packets.get(i);
            if (p.received()) {
                arrival += (long) p.delta() * TransportCcFeedback.DELTA_TICK_MICROS;
            }
            int seq = feedback.sequenceOf(i);
            int slot = seq & MASK;
            if (states[slot] == UNUSED || sequences[slot] != seq || states[slot] == ACKNOWLEDGED) {
                continue; // not ours, too old, or already counted
            }
            if (p.received()) {
                states[slot] = ACKNOWLEDGED;
                results.add(new PacketResult(sendMicros[slot], sizes[slot], arrival));
            } else if (p.symbol() == TransportCcFeedback.Symbol.NOT_RECEIVED && states[slot] == SENT) {
                // Counted lost once; if a later feedback says it arrived after all, it is acknowledged then.
                states[slot] = REPORTED_LOST;
                results.add(PacketResult.lost(sendMicros[slot], sizes[slot]));
            }
        }
        if (!results.isEmpty()) {
            transportCcFeedbacks++;
            estimator.onFeedback(results, nowNanos / 1000);
            long shown = prober.onFeedback(estimator.acknowledgedBitrate(), estimator.delayUsage(), nowNanos);
            if (shown > 0) {
                estimator.onProbeResult(shown);
            }
        }
        return results;
    }

    /** A REMB from the endpoint: its own estimate, used while there is no transport-cc feedback. */
    public void onRemb(long bitrate) {
        rembBitrate = bitrate;
    }

    /** True once there is feedback of either kind to base an estimate on. */
    public boolean hasEstimate() {
        return transportCcFeedbacks > 0 || rembBitrate >= 0;
    }

    public long availableBitrate() {
        return transportCcFeedbacks == 0 && rembBitrate >= 0 ? rembBitrate : estimator.availableBitrate();
    }

    /**
     * The layer allocation would need an estimate of {@code bitrate} for its next upgrade: probe for it
     * if the estimate is short of it (see {@link PaddingProber}). Returns whether a probe started.
     */
    public boolean wantBitrate(long bitrate, long nowNanos) {
        return transportCcFeedbacks > 0 && prober.want(bitrate, availableBitrate(), nowNanos);
    }

    /** Bytes of padding to send now (0 unless probing). */
    public int paddingDue(long nowNanos) {
        return prober.paddingDue(nowNanos);
    }

    public boolean probing() {
        return prober.probing();
    }

    /** What the transport's consumers want now (bit/s); see {@link BweTraceInfo#effectiveDesiredBitrate()}. */
    public void setDesiredBitrate(long bitrate, long nowNanos) {
        if (desiredAtNanos != Long.MIN_VALUE) {
            double seconds = Math.max(0, nowNanos - desiredAtNanos) / 1e9;
            effectiveDesired *= Math.max(0, 1 - DESIRED_DECAY_PER_SECOND * seconds);
        }
        desired = bitrate;
        effectiveDesired = Math.max(effectiveDesired, bitrate);
        desiredAtNanos = nowNanos;
    }

    /**
     * The trace to emit now, or null: one every {@link #TRACE_INTERVAL_NANOS} once there is an estimate,
     * and one sooner when the available bitrate moved by {@link #TRACE_CHANGE} or more.
     */
    public BweTraceInfo traceIfDue(long nowNanos) {
        if (!hasEstimate()) {
            return null;
        }
        long available = availableBitrate();
        long since = nowNanos - lastTraceNanos;
        boolean due = lastTraceNanos == Long.MIN_VALUE || since >= TRACE_INTERVAL_NANOS
                || since >= MIN_TRACE_INTERVAL_NANOS
                        && Math.abs(available - lastTracedAvailable) >= TRACE_CHANGE * lastTracedAvailable;
        if (!due) {
            return null;
        }
        lastTraceNanos = nowNanos;
        lastTracedAvailable = available;
        return new BweTraceInfo(transportCcFeedbacks > 0 ? "transport-cc" : "remb", desired,
                (long) effectiveDesired, available);
    }
}
