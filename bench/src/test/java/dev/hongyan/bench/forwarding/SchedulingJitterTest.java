package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SchedulingJitterTest {

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
