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
 * Replays each of the README's example sessions against a fresh real server: every "→" line is sent
 * by that terminal, every "←" line must arrive exactly as written. "…" matches any value; «name»
 * captures a value on first sight and stands for it afterwards (in sent and received lines).
 */
class ReadmeExampleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String START = "<!-- example-session:start -->";
    private static final String END = "<!-- example-session:end -->";

    @Test
    void everyReadmeSessionWorksAsWritten() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        int sessions = 0;
        for (int at = readme.indexOf(START); at >= 0; at = readme.indexOf(START, at + 1)) {
            replay(readme.substring(at, readme.indexOf(END, at)));
            sessions++;
        }
        assertThat(sessions).as("example sessions in README").isGreaterThanOrEqualTo(2);
    }

    private static void replay(String session) throws Exception {
        List<String> lines = session.lines().filter(l -> l.contains(" → ") || l.contains(" ← ")).toList();
        assertThat(lines).hasSizeGreaterThan(3);
        Map<String, SignalClient> terminals = new LinkedHashMap<>();
        Map<String, JsonNode> captured = new LinkedHashMap<>();
        try (TestServer server = TestServer.start()) {
            for (String line : lines) {
                boolean sends = line.contains(" → ");
                String[] parts = line.split(sends ? " → " : " ← ", 2);
                String who = parts[0].trim();
                SignalClient terminal = terminals.computeIfAbsent(who, w -> server.connect());
                if (sends) {
                    String text = parts[1];
                    for (Map.Entry<String, JsonNode> value : captured.entrySet()) {
                        text = text.replace("\"«" + value.getKey() + "»\"", value.getValue().toString());
                    }
                    assertThat(text).as("placeholders bound before use: " + line).doesNotContain("«");
                    terminal.sendRaw(text);
                } else {
                    JsonNode message = JSON.readTree(parts[1]);
                    String signal = message.path("header").path("signal").asText();
                    JsonNode actual = terminal.await(signal);
                    assertMatches(message, actual, who + " ← " + signal, captured);
                }
            }
        } finally {
            terminals.values().forEach(SignalClient::close);
        }
    }

    private static void assertMatches(JsonNode expected, JsonNode actual, String where, Map<String, JsonNode> captured) {
        if (expected.isTextual() && expected.asText().equals("…")) {
            assertThat(actual.isMissingNode()).as(where + " is present").isFalse();
            return;
        }
        if (expected.isTextual() && expected.asText().startsWith("«") && expected.asText().endsWith("»")) {
            String name = expected.asText().substring(1, expected.asText().length() - 1);
            assertThat(actual.isValueNode()).as(where + " is a value: " + actual).isTrue();
            JsonNode bound = captured.putIfAbsent(name, actual);
            if (bound != null) {
                assertThat(actual).as(where + " = «" + name + "»").isEqualTo(bound);
            }
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
                assertMatches(expected.get(key), actual.get(key), where + "." + key, captured);
            }
            return;
        }
        if (expected.isArray()) {
            assertThat(actual.size()).as(where + " size").isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertMatches(expected.get(i), actual.get(i), where + "[" + i + "]", captured);
            }
            return;
        }
        assertThat(actual).as(where).isEqualTo(expected);
    }
}
