package dev.hongyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.LayerAllocator.Allocation;
import dev.hongyan.media.LayerAllocator.Demand;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The layer allocation on its own: synthetic layer bitrates, estimates and clock. */
class LayerAllocatorTest {

    private static final long MS = 1_000_000L;

    /** Three spatial layers of one temporal layer each: 100, 300, 900 kbit/s. */
    private static long[][] simulcast() {
        return new long[][] {{100_000}, {300_000}, {900_000}};
    }

    /** Three spatial layers of three temporal layers each (cumulative bitrates). */
    private static long[][] simulcastL1T3() {
        return new long[][] {{50_000, 80_000, 100_000}, {150_000, 240_000, 300_000}, {450_000, 720_000, 900_000}};
    }

    private static ConsumerLayers layers(int spatial, int temporal) {
        return new ConsumerLayers(spatial, temporal);
    }

    private static Demand layered(int priority, ConsumerLayers current) {
        return Demand.layered(priority, simulcast(), null, current);
    }

    @Test
    void higherPriorityGetsTheOneHighLayerTheBudgetAllows() {
        // 1.4 Mbit/s: both floors (200k), then room for one of them at 900k and the other at 300k.
        Allocation a = LayerAllocator.distribute(1_400_000,
                List.of(layered(1, layers(0, 0)), layered(2, layers(0, 0))), true);
        assertThat(a.layers()).containsExactly(layers(1, 0), layers(2, 0));

        // The same consumers at equal priority: the first created gets it.
        Allocation equal = LayerAllocator.distribute(1_400_000,
                List.of(layered(1, layers(0, 0)), layered(1, layers(0, 0))), true);
        assertThat(equal.layers()).containsExactly(layers(2, 0), layers(1, 0));
    }

    @Test
    void aHigherPriorityTakesMoreStepsPerRound() {
        // Steps of 30k, 20k, 50k, 90k...: priority 3 climbs three a round while priority 1 climbs one.
        Allocation a = LayerAllocator.distribute(400_000, List.of(
                Demand.layered(1, simulcastL1T3(), null, null), Demand.layered(3, simulcastL1T3(), null, null)), true);
        // Floors 50k + 50k. Round 1: B (0,1) (0,2) (1,0) → 200k... A (0,1) → 230k. Round 2: B (1,1) (1,2) → 380k,
        // then (2,0) does not fit; A (0,2) → 400k. Round 3: A (1,0) does not fit.
        assertThat(a.layers()).containsExactly(layers(0, 2), layers(1, 2));
        assertThat(a.usedBitrate()).isEqualTo(400_000);
    }

    @Test
    void consumersThatCannotAdaptAreTakenFirst() {
        Demand audio = Demand.fixed(1, 40_000);
        Demand simpleVideo = Demand.fixed(1, 460_000);
        // 1 Mbit/s alone would take the 900k layer; after 500k of fixed consumers only 300k fits.
        assertThat(LayerAllocator.distribute(1_000_000, List.of(layered(1, null)), true).layers())
                .containsExactly(layers(2, 0));
        Allocation a = LayerAllocator.distribute(1_000_000, List.of(layered(200, null), audio, simpleVideo), true);
        assertThat(a.layers()).containsExactly(layers(1, 0), null, null);
        assertThat(a.usedBitrate()).isEqualTo(800_000);
    }

    @Test
    void preferredLayersCapTheAllocation() {
        Allocation spatial = LayerAllocator.distribute(10_000_000,
                List.of(Demand.layered(1, simulcast(), new ConsumerLayers(1, null), null)), true);
        assertThat(spatial.layers()).containsExactly(layers(1, 0));
        assertThat(spatial.wantedBitrate()).isEqualTo(-1);

        Allocation temporal = LayerAllocator.distribute(10_000_000,
                List.of(Demand.layered(1, simulcastL1T3(), layers(2, 1), null)), true);
        assertThat(temporal.layers()).containsExactly(layers(2, 1));
    }

    @Test
    void stepsThroughTemporalLayersBeforeTheNextSpatialOne() {
        Allocation a = LayerAllocator.distribute(800_000, List.of(Demand.layered(1, simulcastL1T3(), null, null)), true);
        assertThat(a.layers()).containsExactly(layers(2, 1)); // 720k fits, 900k does not
        Allocation b = LayerAllocator.distribute(200_000, List.of(Demand.layered(1, simulcastL1T3(), null, null)), true);
        assertThat(b.layers()).containsExactly(layers(1, 0));
    }

    @Test
    void neverBelowTheLowestAvailableLayer() {
        Allocation a = LayerAllocator.distribute(10_000, List.of(layered(1, layers(2, 0)), layered(5, null)), true);
        assertThat(a.layers()).containsExactly(layers(0, 0), layers(0, 0));
        // Only the upper layers available: the lowest of them is the floor, even above the preferred one.
        long[][] upperOnly = {null, {300_000}, {900_000}};
        Allocation b = LayerAllocator.distribute(10_000,
                List.of(Demand.layered(1, upperOnly, new ConsumerLayers(0, null), null)), true);
        assertThat(b.layers()).containsExactly(layers(1, 0));
    }

    @Test
    void keepingLayersNeedsTheEstimateButRaisingThemNeedsHeadroom() {
        // 900k at 920k available: kept, but not reached from below (900k × 1.1 = 990k).
        assertThat(LayerAllocator.distribute(920_000, List.of(layered(1, layers(2, 0))), true).layers())
                .containsExactly(layers(2, 0));
        Allocation held = LayerAllocator.distribute(920_000, List.of(layered(1, layers(1, 0))), true);
        assertThat(held.layers()).containsExactly(layers(1, 0));
        assertThat(held.wantedBitrate()).isEqualTo(990_000);
        assertThat(held.upgraded()).isFalse();
        Allocation raised = LayerAllocator.distribute(990_000, List.of(layered(1, layers(1, 0))), true);
        assertThat(raised.layers()).containsExactly(layers(2, 0));
        assertThat(raised.upgraded()).isTrue();
    }

    @Test
    void downgradesAreImmediateUpgradesAtMostOncePerInterval() {
        LayerAllocator allocator = new LayerAllocator();
        ConsumerLayers current = null;
        current = allocator.allocate(2_000_000, List.of(layered(1, current)), 0).layers().get(0);
        assertThat(current).isEqualTo(layers(2, 0));

        current = allocator.allocate(500_000, List.of(layered(1, current)), 100 * MS).layers().get(0);
        assertThat(current).as("down at once").isEqualTo(layers(1, 0));

        Allocation up = allocator.allocate(2_000_000, List.of(layered(1, current)), 200 * MS);
        assertThat(up.upgraded()).isTrue();
        current = up.layers().get(0);
        assertThat(current).as("no upgrade yet: this one may").isEqualTo(layers(2, 0));

        current = allocator.allocate(200_000, List.of(layered(1, current)), 300 * MS).layers().get(0);
        assertThat(current).as("down again at once").isEqualTo(layers(0, 0));

        Allocation held = allocator.allocate(2_000_000, List.of(layered(1, current)), 900 * MS);
        assertThat(held.layers()).as("0.7 s after the last upgrade: held").containsExactly(layers(0, 0));
        assertThat(held.wantedBitrate()).as("held by time, not by bitrate: no probe").isEqualTo(-1);

        current = allocator.allocate(2_000_000, List.of(layered(1, current)), 1_200 * MS).layers().get(0);
        assertThat(current).as("1 s after the last upgrade").isEqualTo(layers(2, 0));
    }

    @Test
    void anUnknownEstimateLimitsNothing() {
        LayerAllocator allocator = new LayerAllocator();
        Allocation a = allocator.allocate(-1, List.of(layered(1, null), Demand.fixed(1, 50_000)), 0);
        assertThat(a.layers()).containsExactly(null, null);
        assertThat(a.wantedBitrate()).isEqualTo(-1);
    }

    @Test
    void unmeasuredLayersAreNoCandidates() {
        // A new consumer whose producer's layers have no bitrate yet, except the floor's: the floor only.
        long[][] rates = {{0, 0, 0}, null, null};
        Allocation a = LayerAllocator.distribute(5_000_000, List.of(Demand.layered(1, rates, null, null)), true);
        assertThat(a.layers()).containsExactly(layers(0, 2));
    }

    @Test
    void pausedOrInactiveConsumersCostNothing() {
        long[][] none = {null, null, null};
        Allocation a = LayerAllocator.distribute(400_000, List.of(Demand.layered(1, none, null, layers(2, 0)),
                Demand.fixed(1, 0), layered(1, null)), true);
        assertThat(a.layers()).as("nothing active: left where it was").containsExactly(layers(2, 0), null, layers(1, 0));
        assertThat(a.usedBitrate()).isEqualTo(300_000);
    }
}
