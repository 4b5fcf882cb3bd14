package dev.hongyan.gateway.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MessageIdsTest {

    private static final long JS_MAX_SAFE_INTEGER = (1L << 53) - 1;

    @Test
    void serverIdsAreJsSafeAndBelowTheClientRange() {
        Clock lastSecondOfAMonth = Clock.fixed(Instant.parse("2026-12-31T23:59:59Z"), ZoneOffset.UTC);
        MessageIds ids = new MessageIds(lastSecondOfAMonth, 9);
        long id = ids.next();
        assertThat(id).isLessThanOrEqualTo(JS_MAX_SAFE_INTEGER);
        assertThat(String.valueOf(id)).hasSize(16).startsWith("31235959");
        assertThat(id % 100_000_000L).as("server suffix").isLessThan(10_000_000L);
    }

    @Test
    void counterRollsAndClientIndexesCycleThroughTheirRange() {
        MessageIds ids = new MessageIds(Clock.systemUTC(), 0);
        assertThat(ids.next() % 1_000_000).isEqualTo(0);
        assertThat(ids.next() % 1_000_000).isEqualTo(1);
        int first = ids.nextClientIndex();
        assertThat(first).isEqualTo(10_000);
        for (int i = 0; i < 89_999; i++) {
            ids.nextClientIndex();
        }
        assertThat(ids.nextClientIndex()).isEqualTo(10_000);
    }

    @Test
    void serverIndexMustBeOneDigit() {
        assertThatThrownBy(() -> new MessageIds(Clock.systemUTC(), 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
