package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WriteLatencyTest {
    private static final long US = 1_000L;

    @Test
    void queuedCopiesCountWhenTheirFlushReturnsNotWhenQueued() {
        WriteLatency w = new WriteLatency();
        // One datagram read at t=0 fanned out to three consumers, queued at 10, 20, 30 µs.
        w.onQueued(0, 10 * US);
        w.onQueued(0, 20 * US);
        w.onQueued(0, 30 * US);
        // A second datagram of the same read batch, read at 40 µs, one copy queued at 45 µs.
        w.onQueued(40 * US, 45 * US);
        assertThat(w.pendingCopies()).isEqualTo(4);
        assertThat(w.written().count()).isZero();

        w.onFlushed(1_000 * US);

        assertThat(w.pendingCopies()).isZero();
        assertThat(w.written().count()).isEqualTo(4);
        assertThat(w.written().percentileMicros(0.5)).isEqualTo(1_010); // 1000 µs, in its 10 µs bucket
        assertThat(w.written().maxMicros()).isEqualTo(1_000);
        assertThat(w.queued().count()).isEqualTo(4);
        assertThat(w.queued().maxMicros()).isEqualTo(30);
    }

    @Test
    void aFlushWithNothingQueuedRecordsNothing() {
        WriteLatency w = new WriteLatency();
        w.onFlushed(5 * US);
        assertThat(w.written().count()).isZero();
    }

    @Test
    void manyDistinctArrivalsBeforeOneFlushAreAllCounted() {
        WriteLatency w = new WriteLatency();
        int n = WriteLatency.MAX_PENDING + 10;
        for (int i = 0; i < n; i++) {
            w.onQueued(i, i);
        }
        assertThat(w.pendingCopies()).isEqualTo(n);
        w.onFlushed(n);
        assertThat(w.written().count()).isEqualTo(n);
    }

    @Test
    void resetClearsFiguresButCopiesStillWaitingAreCountedAtTheirFlush() {
        WriteLatency w = new WriteLatency();
        w.onQueued(0, US);
        w.reset();
        assertThat(w.queued().count()).isZero();
        w.onFlushed(2 * US);
        assertThat(w.written().count()).isEqualTo(1);
    }
}
