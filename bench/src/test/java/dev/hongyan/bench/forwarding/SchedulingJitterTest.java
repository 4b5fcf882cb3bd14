package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchedulingJitterTest {

    @Test
    void gapsAreCountedAboveEachThresholdAndTheirTimeBeyondTwoMillisecondsAddedUp() {
        SchedulingJitter.Gaps gaps = new SchedulingJitter.Gaps();
        gaps.add(40_000);     // under 50 µs: running, not a gap
        gaps.add(60_000);     // above 50 µs
        gaps.add(3_000_000);  // above 50 µs .. 2 ms, 1 ms beyond the target
        gaps.add(12_000_000); // above every limit, 10 ms beyond
        SchedulingJitter.Result r = gaps.over(1_000_000_000L);
        assertArrayEquals(new long[] {3, 2, 2, 2, 2, 2, 1, 1}, r.gapsAbove());
        assertEquals(1.0, r.seconds(), 1e-9);
        assertEquals(0.01506, r.lostShare(), 1e-9);
        assertEquals(0.011, r.beyondTargetShare(), 1e-9);
        assertEquals(12.0, r.maxMillis(), 1e-9);
    }

    @Test
    void countsGapsByThresholdOverTheMeasuredTime() {
        // A sleeping neighbour cannot be arranged portably; what is checked is the bookkeeping of real gaps.
        SchedulingJitter.Result r = SchedulingJitter.measure(0.1, 0.5);
        assertTrue(r.seconds() >= 0.5 && r.seconds() < 0.6, "measured " + r.seconds() + " s");
        long[] above = r.gapsAbove();
        for (int i = 1; i < above.length; i++) {
            assertTrue(above[i] <= above[i - 1], "a gap above a larger threshold is above the smaller ones");
        }
        assertTrue(r.lostShare() >= 0 && r.lostShare() < 1, "lost " + r.lostShare());
        assertTrue(r.beyondTargetShare() <= r.lostShare(), "time beyond 2 ms into gaps is part of the time lost");
        assertTrue(r.maxMillis() >= 0 && (above[0] == 0) == (r.maxMillis() == 0), "longest gap " + r.maxMillis());
    }
}
