package dev.hongyan.media.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.rtcp.TransportCcFeedback;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The send-side estimator on synthetic paths, end to end through our own feedback: a sender stamps
 * packets ({@link TransportCongestionControlClient}), a simulated link queues, delays and drops them, the
 * receive side ({@link TransportCongestionControlServer}) reports them, and the feedback comes back.
 * Time is simulated in 1 ms steps, so every run is the same.
 */
class SendSideEstimatorTest {
    private static final long MS = 1_000_000L;

    /** A bottleneck of {@code capacity} bit/s with an unbounded FIFO, 20 ms propagation, and every n-th packet lost. */
    private static final class Path {
        final TransportCongestionControlClient client = new TransportCongestionControlClient(SendSideEstimator.withDefaults());
        final List<TransportCcFeedback> feedback = new ArrayList<>();
        final TransportCongestionControlServer server = new TransportCongestionControlServer(5, 1, feedback::add);
        final ArrayDeque<long[]> inFlight = new ArrayDeque<>(); // {seq, arrivalNanos}
        final Set<BandwidthUsage> seen = EnumSet.noneOf(BandwidthUsage.class);
        final List<Long> availableEachSecond = new ArrayList<>();
        /** What the layer allocation would want, told to the client every 100 ms (0: nothing). */
        long wanted;
        long paddingBytes;
        long capacity;
        int lossEvery;
        long queueFreeAt;
        int seq;
        long now;

        Path(long capacity, int lossEvery) {
            this.capacity = capacity;
            this.lossEvery = lossEvery;
        }

        /** Sends {@code bitrate} as a 30 fps video: each frame a burst of 1200-byte packets. */
        void run(long bitrate, int seconds) {
            int perFrame = (int) Math.max(1, bitrate / 30 / 8 / 1200);
            long end = now + seconds * 1000L * MS;
            for (; now < end; now += MS) {
                if (now % (33 * MS) == 0) {
                    for (int k = 0; k < perFrame; k++) {
                        send(1200);
                    }
                }
                if (now % (100 * MS) == 0 && wanted > 0) {
                    client.wantBitrate(wanted, now);
                }
                if (now % (20 * MS) == 0) {
                    // The transport's fast tick: the padding a probe asks for, in 280-byte packets.
                    for (int due = client.paddingDue(now); due > 0; due -= 280) {
                        send(280);
                        paddingBytes += 280;
                    }
                }
                while (!inFlight.isEmpty() && inFlight.peek()[1] <= now) {
                    long[] p = inFlight.poll();
                    server.onRtpPacket((int) p[0], 1, p[1]);
                }
                server.onTick(now);
                for (TransportCcFeedback f : feedback) {
                    client.onFeedback(f, now);
                    seen.add(client.estimator().delayUsage());
                }
                feedback.clear();
                if (now % (1000 * MS) == 0) {
                    availableEachSecond.add(client.availableBitrate());
                }
            }
        }

        private void send(int size) {
            int s = seq++ & 0xFFFF;
            client.onPacketSent(s, size, now);
            long start = Math.max(now, queueFreeAt);
            queueFreeAt = start + size * 8L * 1_000_000_000L / capacity;
            if (lossEvery > 0 && seq % lossEvery == 0) {
                return;
            }
            inFlight.add(new long[] {s, queueFreeAt + 20 * MS});
        }

        long available() {
            return client.availableBitrate();
        }
    }

    @Test
    void steadyPathGrowsTowardOneAndAHalfTimesWhatIsAcknowledged() {
        Path path = new Path(10_000_000, 0);
        path.run(1_000_000, 30);
        assertThat(path.seen).containsOnly(BandwidthUsage.NORMAL);
        long acknowledged = path.client.estimator().acknowledgedBitrate();
        assertThat(acknowledged).isBetween(850_000L, 1_000_000L); // 3 packets a frame: 0.87 Mbit/s
        assertThat(path.available()).isBetween((long) (1.4 * acknowledged), (long) (1.6 * acknowledged));
        // It got there by steps of at most 8% per second, never down.
        List<Long> series = path.availableEachSecond;
        for (int i = 1; i < series.size(); i++) {
            assertThat(series.get(i)).isGreaterThanOrEqualTo(series.get(i - 1))
                    .isLessThanOrEqualTo((long) (series.get(i - 1) * 1.09) + 1);
        }
    }

    @Test
    void congestedPathIsDetectedAndTheEstimateFallsBelowTheBottleneck() {
        Path path = new Path(800_000, 0);
        path.run(1_200_000, 20);
        assertThat(path.seen).contains(BandwidthUsage.OVERUSING);
        long acknowledged = path.client.estimator().acknowledgedBitrate();
        assertThat(acknowledged).isBetween(700_000L, 850_000L);
        // Decreases go to 0.85 × acknowledged, at most: under the bottleneck, above half of it.
        assertThat(path.available()).isLessThanOrEqualTo((long) (0.85 * 850_000)).isGreaterThan(400_000L);
    }

    @Test
    void aPathThatGetsCongestedAndRecovers() {
        Path path = new Path(10_000_000, 0);
        path.run(1_000_000, 15);
        long before = path.available();
        assertThat(before).isGreaterThan(1_000_000L);
        path.capacity = 600_000;
        path.run(1_000_000, 5);
        long during = path.available();
        assertThat(during).isLessThan(600_000L);
        path.capacity = 10_000_000;
        path.run(400_000, 10); // the sender backs off; the queue drains
        path.run(1_000_000, 20);
        assertThat(path.available()).isGreaterThan(during);
    }

    @Test
    void aProbeLiftsAnEstimateHeldDownByLittleTraffic() {
        Path path = new Path(10_000_000, 0);
        path.run(300_000, 10);
        long appLimited = path.available();
        // About the 600k start: it grew a little before the acknowledged rate was known, and 1.5 × 288k is below it.
        assertThat(appLimited).isLessThan(650_000L);
        assertThat(path.paddingBytes).isZero();

        // The allocation wants 1.5 Mbit/s: probes at up to twice the estimate each, a few seconds apart.
        path.wanted = 1_500_000;
        path.run(300_000, 10);
        assertThat(path.seen).containsOnly(BandwidthUsage.NORMAL);
        assertThat(path.available()).isGreaterThanOrEqualTo(1_500_000L);
        assertThat(path.client.probing()).isFalse();
        long padding = path.paddingBytes;
        assertThat(padding).isPositive();

        // Wanted no more than there is: no probe, no padding.
        path.run(300_000, 5);
        assertThat(path.paddingBytes).isEqualTo(padding);
        assertThat(path.available()).as("not pulled down by the little traffic").isGreaterThanOrEqualTo(1_500_000L);
    }

    @Test
    void aProbeIntoABottleneckFailsAndDoesNotLiftTheEstimatePastIt() {
        Path path = new Path(700_000, 0);
        path.run(300_000, 5);
        path.wanted = 3_000_000;
        long max = 0;
        for (int s = 0; s < 30; s++) {
            path.run(300_000, 1);
            max = Math.max(max, path.available());
        }
        assertThat(path.seen).contains(BandwidthUsage.OVERUSING);
        assertThat(max).as("never lifted past the 700 kbit/s bottleneck").isLessThanOrEqualTo(700_000L);
        // Backing off 10 s, then 20 s: two probes in 30 s, not one after another.
        assertThat(path.paddingBytes * 8).isLessThan(2L * 3 * 1_400_000);
    }

    @Test
    void heavyLossCutsTheEstimateByHalfTheLossFractionEachSecond() {
        Path path = new Path(10_000_000, 5); // 20% lost: × 0.9 a second
        path.run(1_000_000, 10);
        assertThat(path.client.estimator().lossBasedBitrate()).isEqualTo(path.available());
        // 600 kbit/s × 0.9^10 ≈ 209 kbit/s, give or take the interval edges.
        assertThat(path.available()).isBetween(150_000L, 260_000L);
    }

    @Test
    void moderateLossHoldsTheEstimate() {
        Path path = new Path(10_000_000, 20); // 5% lost: between the 2% and 10% thresholds
        path.run(1_000_000, 10);
        assertThat(path.available()).isEqualTo(SendSideEstimator.DEFAULT_INITIAL_BITRATE);
        assertThat(path.client.estimator().delayBasedBitrate()).isGreaterThan(SendSideEstimator.DEFAULT_INITIAL_BITRATE);
    }

    @Test
    void rembStandsInUntilTransportCcFeedbackArrives() {
        TransportCongestionControlClient client = new TransportCongestionControlClient(SendSideEstimator.withDefaults());
        assertThat(client.hasEstimate()).isFalse();
        assertThat(client.traceIfDue(0)).isNull();
        client.onRemb(2_000_000);
        client.setDesiredBitrate(1_500_000, 0);
        assertThat(client.traceIfDue(0)).isEqualTo(new BweTraceInfo("remb", 1_500_000, 1_500_000, 2_000_000));
    }

    @Test
    void tracesEveryTwoSecondsOrOnABigChangeAndTheDesiredBitrateDecaysSlowly() {
        TransportCongestionControlClient client = new TransportCongestionControlClient(SendSideEstimator.withDefaults());
        client.onRemb(1_000_000);
        client.setDesiredBitrate(1_000_000, 0);
        assertThat(client.traceIfDue(0)).isNotNull();
        assertThat(client.traceIfDue(1_000 * MS)).isNull();
        client.setDesiredBitrate(0, 2_000 * MS); // the consumer paused: 2 s at 5% a second
        BweTraceInfo info = client.traceIfDue(2_000 * MS);
        assertThat(info.desiredBitrate()).isZero();
        assertThat(info.effectiveDesiredBitrate()).isEqualTo(900_000);
        client.onRemb(700_000); // -30%: due after half a second
        assertThat(client.traceIfDue(2_400 * MS)).isNull();
        assertThat(client.traceIfDue(2_500 * MS).availableBitrate()).isEqualTo(700_000);
    }
}
