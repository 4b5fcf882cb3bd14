package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SendHistoryTest {
    private static final long MS = 1_000_000L;

    @Test
    void aResendIsClaimedOncePerInterval() {
        SendHistory h = new SendHistory(16);
        h.put(100, 0, 500, 9000, 7, 123 * MS, -1, -1);
        int e = h.find(100);
        assertThat(e).isNotNegative();
        assertThat(h.transportCcSeq(e)).isEqualTo(7);
        assertThat(h.sentNanos(e)).isEqualTo(123 * MS);
        assertThat(h.pictureId(e)).isEqualTo(-1);
        assertThat(h.claimResend(e, 0, 50 * MS)).isTrue();
        assertThat(h.claimResend(e, 0, 50 * MS)).as("duplicate in the same NACK").isFalse();
        assertThat(h.claimResend(e, 49 * MS, 50 * MS)).isFalse();
        assertThat(h.claimResend(e, 50 * MS, 50 * MS)).isTrue();
        assertThat(h.claimResend(e, 60 * MS, 50 * MS)).isFalse();
        h.put(100 + 16, 0, 516, 9000, 8, 124 * MS, -1, -1); // same slot, new packet: never resent
        assertThat(h.claimResend(h.find(116), 61 * MS, 50 * MS)).isTrue();
    }
}
