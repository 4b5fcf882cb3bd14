package dev.hongyan.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.support.CallsTestServer;
import dev.hongyan.server.support.NativeTerminal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** control::* against the started server: relay, answer under the caller's id, permission, failures. */
class ControlIntegrationTest {

    private final CallsTestServer server = new CallsTestServer(30_000, 500);

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertError(JsonNode message, String code, String part) {
        assertThat(message.path("header").path("signal").asText()).as(message.toString()).isEqualTo("platform::error");
        assertThat(message.path("code").asText()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asText()).contains(part);
    }

    @Test
    void aPhotographRequestIsAnsweredByTheDevice() throws Exception {
        try (NativeTerminal phone = NativeTerminal.register(server, "alice-phone", "alice");
                NativeTerminal camera = NativeTerminal.register(server, "alice-camera", "alice")) {
            long id = phone.send("control::photograph", Map.of("to", "alice-camera"));
            JsonNode request = camera.next("control::photograph");
            assertThat(request.path("body").path("from").asText()).isEqualTo("alice-phone");
            assertThat(request.path("body").has("to")).isFalse();
            camera.sendRaw(request.path("header").path("id").asLong(), "control::photograph",
                    Map.of("filepath", "/sdcard/photo/1.jpg"), "0000");
            JsonNode reply = phone.nextWithId(id);
            assertThat(reply.path("code").asText()).isEqualTo("0000");
            assertThat(reply.path("body").path("filepath").asText()).isEqualTo("/sdcard/photo/1.jpg");
        }
    }

    @Test
    void adminsControlAnyoneAndOthersOnlyTheirAccount() throws Exception {
        try (NativeTerminal admin = NativeTerminal.register(server, "console", "admin");
                NativeTerminal alice = NativeTerminal.register(server, "alice-phone", "alice");
                NativeTerminal camera = NativeTerminal.register(server, "bob-camera", "bob")) {
            assertError(alice.request("control::bell", Map.of("to", "bob-camera", "enabled", true)), "3403", "same account");
            long id = admin.send("control::bell", Map.of("to", "bob-camera", "enabled", true));
            JsonNode request = camera.next("control::bell");
            assertThat(request.path("body").path("enabled").asBoolean()).isTrue();
            camera.sendRaw(request.path("header").path("id").asLong(), "control::bell", Map.of("enabled", true), "0000");
            assertThat(admin.nextWithId(id).path("body").path("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void missingOfflineAndSilentTargetsFail() throws Exception {
        try (NativeTerminal admin = NativeTerminal.register(server, "console", "admin");
                NativeTerminal camera = NativeTerminal.register(server, "bob-camera", "bob")) {
            assertError(admin.request("control::wakeup", Map.of()), "1003", "missing to");
            assertError(admin.request("control::wakeup", Map.of("to", "nobody")), "3404", "not online");
            assertError(admin.request("control::client::record", Map.of("to", "bob-camera", "enabled", true)), "2001",
                    "in time");
            long id = admin.send("control::config::video", Map.of("to", "bob-camera", "frameRate", 15));
            camera.next("control::config::video");
            camera.close();
            assertError(admin.nextWithId(id), "2002", "offline");
        }
    }
}
