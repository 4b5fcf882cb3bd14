package dev.hongyan.gateway.nativeprotocol.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.gateway.nativeprotocol.NativeHarness;
import dev.hongyan.gateway.nativeprotocol.NativeHarness.Terminal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** control::* through the dispatcher: permission, relay, the target's answer under the caller's id. */
class ControlSignalsTest {

    private final NativeHarness harness = new NativeHarness(30_000, 400);

    @AfterEach
    void stop() {
        harness.close();
    }

    private static void assertError(JsonNode message, String code, String messagePart) {
        assertThat(message.path("header").path("signal").asText()).as(message.toString()).isEqualTo("platform::error");
        assertThat(message.path("code").asText()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asText()).contains(messagePart);
    }

    @Test
    void theTargetsAnswerIsReturnedUnderTheCallersId() throws Exception {
        Terminal phone = harness.register("alice-phone", "alice");
        Terminal camera = harness.register("alice-camera", "alice");
        long id = phone.send("control::client::record", Map.of("to", "alice-camera", "enabled", true, "from", "forged"));
        JsonNode request = camera.next("control::client::record");
        assertThat(request.path("body").has("to")).isFalse();
        assertThat(request.path("body").path("enabled").asBoolean()).isTrue();
        assertThat(request.path("body").path("from").asText()).isEqualTo("alice-phone");
        long serverId = request.path("header").path("id").asLong();
        assertThat(serverId).isNotEqualTo(id);
        camera.sendRaw(serverId, "control::client::record", Map.of("enabled", true, "filepath", "/sd/rec/1.mp4"), "0000");
        JsonNode reply = phone.nextWithId(id);
        assertThat(reply.path("code").asText()).isEqualTo("0000");
        assertThat(reply.path("header").path("signal").asText()).isEqualTo("control::client::record");
        assertThat(reply.path("body").path("filepath").asText()).isEqualTo("/sd/rec/1.mp4");
    }

    @Test
    void everyControlSignalIsRelayed() throws Exception {
        Terminal admin = harness.register("console", "admin");
        Terminal camera = harness.register("bob-camera", "bob");
        Map<String, Map<String, Object>> bodies = Map.of(
                "control::bell", Map.of("to", "bob-camera", "enabled", false),
                "control::config::audio", Map.of("to", "bob-camera", "sampleRate", 48000, "vendorKnob", "x"),
                "control::config::video", Map.of("to", "bob-camera", "resolution", "1280*720", "frameRate", 25),
                "control::photograph", Map.of("to", "bob-camera"),
                "control::wakeup", Map.of("to", "bob-camera"));
        for (Map.Entry<String, Map<String, Object>> entry : bodies.entrySet()) {
            long id = admin.send(entry.getKey(), entry.getValue());
            JsonNode request = camera.next(entry.getKey());
            assertThat(request.path("body").path("from").asText()).isEqualTo("console");
            entry.getValue().forEach((field, value) -> {
                if (!field.equals("to")) {
                    assertThat(request.path("body").path(field).asText()).as(entry.getKey() + "." + field)
                            .isEqualTo(String.valueOf(value));
                }
            });
            camera.sendRaw(request.path("header").path("id").asLong(), entry.getKey(), Map.of("filepath", "/p.jpg"), "0000");
            assertThat(admin.nextWithId(id).path("code").asText()).as(entry.getKey()).isEqualTo("0000");
        }
    }

    @Test
    void anotherAccountsTerminalIsForbidden() throws Exception {
        Terminal alice = harness.register("alice-phone", "alice");
        Terminal camera = harness.register("bob-camera", "bob");
        assertError(alice.request("control::bell", Map.of("to", "bob-camera", "enabled", true)), "3403", "same account");
        assertThat(camera.poll(100)).isNull();
    }

    @Test
    void badTargetsAndBodiesAreRefused() throws Exception {
        Terminal admin = harness.register("console", "admin");
        harness.register("bob-camera", "bob");
        assertError(admin.request("control::photograph", Map.of()), "1003", "missing to");
        assertError(admin.request("control::wakeup", Map.of("to", "ghost")), "3404", "not online");
        assertError(admin.request("control::wakeup", Map.of("to", "console")), "1003", "itself");
        assertError(admin.request("control::bell", Map.of("to", "bob-camera")), "1003", "missing enabled");
        assertError(admin.request("control::bell", Map.of("to", "bob-camera", "enabled", "yes")), "1003", "wrong type");
        assertError(admin.request("control::config::video", Map.of("to", "bob-camera", "resolution", "big")), "1003",
                "resolution");
        assertError(admin.request("control::config::audio", Map.of("to", "bob-camera", "channelCount", 99)), "1003",
                "channelCount");
    }

    @Test
    void silenceTimesOutAndADisconnectOrAnErrorFailsTheRequest() throws Exception {
        Terminal admin = harness.register("console", "admin");
        Terminal camera = harness.register("bob-camera", "bob");
        assertError(admin.request("control::wakeup", Map.of("to", "bob-camera")), "2001", "in time");

        long refused = admin.send("control::photograph", Map.of("to", "bob-camera"));
        JsonNode request = camera.next("control::photograph");
        camera.sendRaw(request.path("header").path("id").asLong(), "control::photograph", Map.of(), "3500");
        assertError(admin.nextWithId(refused), "2003", "refused");

        long orphaned = admin.send("control::photograph", Map.of("to", "bob-camera"));
        camera.next("control::photograph");
        camera.disconnect();
        assertError(admin.nextWithId(orphaned), "2002", "offline");
    }

    @Test
    void aTargetWhoseSocketIsAlreadyClosingFailsAtOnceNotByTimeout() throws Exception {
        // The harness times server requests out after 400 ms; the answer must come well before.
        Terminal admin = harness.register("console", "admin");
        Terminal camera = harness.register("bob-camera", "bob");
        camera.stopAcceptingWrites();
        long started = System.nanoTime();
        assertError(admin.request("control::wakeup", Map.of("to", "bob-camera")), "2002", "offline");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(300);
    }
}
