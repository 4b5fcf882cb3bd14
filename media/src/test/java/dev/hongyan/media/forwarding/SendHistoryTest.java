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

    @Test
    void entriesKeepEveryFieldAndAreReplacedOnlyByTheirOwnSlot() {
        SendHistory h = new SendHistory(1024);
        assertThat(h.find(0)).as("empty").isEqualTo(-1);
        assertThat(h.find(0xFFFF)).isEqualTo(-1);
        h.put(0xFFFF, 2, 0xFFFE, -5, 0xFFFF, 42 * MS, 32767, 255);
        h.put(0, 0, 7, Integer.MAX_VALUE, 0, 43 * MS, -1, -1);
        int e = h.find(0xFFFF);
        assertThat(h.stream(e)).isEqualTo(2);
        assertThat(h.srcSeq(e)).isEqualTo(0xFFFE);
        assertThat(h.outTimestamp(e)).isEqualTo(-5);
        assertThat(h.transportCcSeq(e)).isEqualTo(0xFFFF);
        assertThat(h.sentNanos(e)).isEqualTo(42 * MS);
        assertThat(h.pictureId(e)).isEqualTo(32767);
        assertThat(h.tl0PicIdx(e)).isEqualTo(255);
        assertThat(h.outTimestamp(h.find(0))).isEqualTo(Integer.MAX_VALUE);
        assertThat(h.find(1024)).as("same slot as 0, other number").isEqualTo(-1);
        h.put(1024, 1, 9, 1, 1, 44 * MS, 5, 6);
        assertThat(h.find(0)).isEqualTo(-1);
        assertThat(h.srcSeq(h.find(1024))).isEqualTo(9);
        assertThat(h.find(0x10000 + 1024)).as("numbers are 16 bits").isEqualTo(h.find(1024));
    }
}
