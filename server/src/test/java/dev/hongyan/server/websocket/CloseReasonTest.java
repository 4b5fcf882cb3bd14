package dev.hongyan.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class CloseReasonTest {

    @Test
    void shortReasonsAreKeptAndNullBecomesEmpty() {
        assertThat(NettyConnection.truncate(null)).isEmpty();
        assertThat(NettyConnection.truncate("slow reader")).isEqualTo("slow reader");
        String exact = "a".repeat(123);
        assertThat(NettyConnection.truncate(exact)).isSameAs(exact);
    }

    @Test
    void longReasonsAreCutToWholeCharactersWithin123Bytes() {
        assertThat(NettyConnection.truncate("a".repeat(200))).isEqualTo("a".repeat(123));
        // 3-byte characters: 41 fit (123 bytes).
        assertThat(NettyConnection.truncate("é".repeat(10) + "中".repeat(100)))
                .isEqualTo("é".repeat(10) + "中".repeat(34));
        // A surrogate pair (4 bytes) is kept whole or dropped whole.
        String cut = NettyConnection.truncate("a".repeat(121) + "😀" + "b");
        assertThat(cut).isEqualTo("a".repeat(121));
        assertThat(NettyConnection.truncate("a".repeat(119) + "😀😀")).isEqualTo("a".repeat(119) + "😀");
        // A very long reason takes one pass, not one re-encoding per character dropped.
        String huge = NettyConnection.truncate("中".repeat(1_000_000));
        assertThat(huge.getBytes(StandardCharsets.UTF_8)).hasSize(123);
    }
}
