package dev.hongyan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Replays the README's example session against a real server: every "→" line is sent by that
 * terminal, every "←" line must arrive exactly as written ("…" matches any value).
 */
class ReadmeExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theReadmeSessionWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String session = readme.substring(readme.indexOf("<!-- example-session:start -->"),
                readme.indexOf("<!-- example-session:end -->"));
        List<String> lines = session.lines().filter(l -> l.contains(" → ") || l.contains(" ← ")).toList();
        assertThat(lines).hasSizeGreaterThan(8);
        Map<String, SignalClient> terminals = new LinkedHashMap<>();
        try (TestServer server = TestServer.start()) {
            for (String line : lines) {
                boolean sends = line.contains(" → ");
                String[] parts = line.split(sends ? " → " : " ← ", 2);
                String who = parts[0].trim();
                JsonNode message = JSON.readTree(parts[1]);
                SignalClient terminal = terminals.computeIfAbsent(who, w -> server.connect());
                if (sends) {
                    terminal.sendRaw(parts[1]);
                } else {
                    String signal = message.path("header").path("signal").asText();
                    JsonNode actual = terminal.await(signal);
                    assertMatches(message, actual, who + " ← " + signal);
                }
            }
        } finally {
            terminals.values().forEach(SignalClient::close);
        }
    }

    private static void assertMatches(JsonNode expected, JsonNode actual, String where) {
        if (expected.isTextual() && expected.asText().equals("…")) {
            assertThat(actual.isMissingNode()).as(where + " is present").isFalse();
            return;
        }
        if (expected.isObject()) {
            assertThat(actual.isObject()).as(where + " is an object: " + actual).isTrue();
            Set<String> expectedKeys = new TreeSet<>();
            expected.fieldNames().forEachRemaining(expectedKeys::add);
            Set<String> actualKeys = new TreeSet<>();
            actual.fieldNames().forEachRemaining(actualKeys::add);
            assertThat(actualKeys).as(where + " keys").isEqualTo(expectedKeys);
            for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                assertMatches(expected.get(key), actual.get(key), where + "." + key);
            }
            return;
        }
        if (expected.isArray()) {
            assertThat(actual.size()).as(where + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertMatches(expected.get(i), actual.get(i), where + "[" + i + "]");
            }
            return;
        }
        assertThat(actual).as(where).isEqualTo(expected);
    }
}
