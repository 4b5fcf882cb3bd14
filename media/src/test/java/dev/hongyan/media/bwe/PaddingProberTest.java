package dev.hongyan.media.bwe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** When the prober probes, how much padding it asks for, and how a probe ends. */
class PaddingProberTest {
    private static final long MS = 1_000_000L;

    @Test
    void probesOnlyWhenTheEstimateFallsShortAndAimsAboveWhatIsWantedWithinTwiceTheEstimate() {
        PaddingProber prober = new PaddingProber();
        assertThat(prober.want(500_000, 600_000, 0)).isFalse();
        assertThat(prober.paddingDue(20 * MS)).isZero();

        assertThat(prober.want(700_000, 600_000, 0)).isTrue();
        assertThat(prober.target()).as("120% of 700k").isEqualTo(840_000);
        assertThat(prober.want(900_000, 600_000, 10 * MS)).as("one at a time").isFalse();

        PaddingProber far = new PaddingProber();
        far.want(5_000_000, 600_000, 0);
        assertThat(far.target()).as("at most twice the estimate").isEqualTo(1_200_000);
    }

    @Test
    void paddingMakesUpWhatMediaLeavesOfTheTargetWithoutCatchUpBursts() {
        PaddingProber prober = new PaddingProber();
        prober.want(1_000_000, 600_000, 0); // target 1.2 Mbit/s = 150 bytes a millisecond
        assertThat(prober.paddingDue(20 * MS)).isEqualTo(3_000);
        prober.onSent(1_000); // media
        prober.onSent(2_000); // the padding asked for
        assertThat(prober.paddingDue(40 * MS)).isEqualTo(3_000);
        prober.onSent(3_000);
        prober.onSent(2_500); // a burst of media
        assertThat(prober.paddingDue(60 * MS)).isEqualTo(500);
        // A stalled loop owes a lot; it gets at most 40 ms worth.
        assertThat(prober.paddingDue(500 * MS)).isEqualTo(6_000);
    }

    @Test
    void endsWellWhenTheReceiverAcknowledgesNearlyTheTarget() {
        PaddingProber prober = new PaddingProber();
        prober.want(1_000_000, 600_000, 0); // target 1.2M: done at 1.08M acknowledged
        assertThat(prober.onFeedback(900_000, BandwidthUsage.NORMAL, 500 * MS)).isEqualTo(-1);
        assertThat(prober.probing()).isTrue();
        assertThat(prober.onFeedback(1_100_000, BandwidthUsage.NORMAL, 1_200 * MS)).isEqualTo(1_100_000);
        assertThat(prober.probing()).isFalse();
        assertThat(prober.paddingDue(1_220 * MS)).isZero();
        assertThat(prober.want(1_500_000, 1_100_000, 3_000 * MS)).as("2 s after the last").isFalse();
        assertThat(prober.want(1_500_000, 1_100_000, 3_200 * MS)).isTrue();
    }

    @Test
    void overuseOrTimeoutEndsItAndBacksOff() {
        PaddingProber prober = new PaddingProber();
        prober.want(1_000_000, 600_000, 0);
        assertThat(prober.onFeedback(700_000, BandwidthUsage.OVERUSING, 300 * MS)).isEqualTo(-1);
        assertThat(prober.probing()).isFalse();
        assertThat(prober.want(1_000_000, 600_000, 5_000 * MS)).isFalse();
        assertThat(prober.want(1_000_000, 600_000, 10_300 * MS)).isTrue();

        // Never acknowledged: given up after 3 s; a second failure in a row, so 20 s of quiet.
        assertThat(prober.paddingDue(13_300 * MS)).isZero();
        assertThat(prober.probing()).isFalse();
        assertThat(prober.want(1_000_000, 600_000, 30_000 * MS)).isFalse();
        assertThat(prober.want(1_000_000, 600_000, 33_300 * MS)).isTrue();

        // A success resets the backoff.
        assertThat(prober.onFeedback(1_100_000, BandwidthUsage.NORMAL, 34_000 * MS)).isEqualTo(1_100_000);
        prober.want(2_000_000, 1_100_000, 36_000 * MS);
        prober.onFeedback(1_100_000, BandwidthUsage.OVERUSING, 36_500 * MS);
        assertThat(prober.want(2_000_000, 1_100_000, 46_500 * MS)).as("10 s again").isTrue();
    }
}
