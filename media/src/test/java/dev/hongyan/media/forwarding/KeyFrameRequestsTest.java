package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeyFrameRequestsTest {
    private static final long MS = 1_000_000L;

    @Test
    void requestsCoalesceUntilAKeyFrameAndRepeatWhenUnanswered() {
        KeyFrameRequests k = new KeyFrameRequests(1000 * MS, 0);
        assertThat(k.request(0)).isTrue();
        assertThat(k.request(10 * MS)).isFalse();
        assertThat(k.retryDue(500 * MS)).isFalse();
        assertThat(k.retryDue(1001 * MS)).isTrue();
        k.keyFrameReceived();
        assertThat(k.retryDue(3000 * MS)).isFalse();
        assertThat(k.request(3000 * MS)).isTrue();
        assertThat(k.sent()).isEqualTo(3);
    }

    @Test
    void minimumSpacingHoldsEvenAfterAKeyFrame() {
        KeyFrameRequests k = new KeyFrameRequests(1000 * MS, 300 * MS);
        assertThat(k.request(0)).isTrue();
        k.keyFrameReceived();
        assertThat(k.request(100 * MS)).isFalse();
        assertThat(k.retryDue(200 * MS)).isFalse();
        assertThat(k.retryDue(300 * MS)).isTrue();
    }
}
