package dev.hongyan.server.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** control::* against the started server: relay, answer under the caller's id, permission, failures. */
class ControlIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final TestServer server = TestServer.start("signal:\n  requestTimeoutMillis: 500\n");

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertError(JsonNode message, String code, String part) {
        assertThat(message.path("header").path("signal").asText()).as(message.toString()).isEqualTo("platform::error");
        assertThat(message.path("code").asText()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asText()).contains(part);
    }

    /** The device's success answer to a server request: same id and signal, code 0000. */
    private static void answer(SignalClient device, long id, String signal, Object body) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("code", "0000");
        envelope.putObject("header").put("v", "1.0.0").put("id", id).put("signal", signal);
        envelope.set("body", JSON.valueToTree(body));
        device.sendRaw(envelope.toString());
    }

    @Test
    void aPhotographRequestIsAnsweredByTheDevice()  {
        try (SignalClient phone = server.register("alice", "alice-phone");
                SignalClient camera = server.register("alice", "alice-camera")) {
            long id = phone.send("control::photograph", Map.of("to", "alice-camera"));
            JsonNode request = camera.await("control::photograph");
            assertThat(request.path("body").path("from").asText()).isEqualTo("alice-phone");
            assertThat(request.path("body").has("to")).isFalse();
            answer(camera, request.path("header").path("id").asLong(), "control::photograph",
                    Map.of("filepath", "/sdcard/photo/1.jpg"));
            JsonNode reply = phone.awaitId(id);
            assertThat(reply.path("code").asText()).isEqualTo("0000");
            assertThat(reply.path("body").path("filepath").asText()).isEqualTo("/sdcard/photo/1.jpg");
        }
    }

    @Test
    void adminsControlAnyoneAndOthersOnlyTheirAccount()  {
        try (SignalClient admin = server.register("admin", "console");
                SignalClient alice = server.register("alice", "alice-phone");
                SignalClient camera = server.register("bob", "bob-camera")) {
            assertError(alice.request("control::bell", Map.of("to", "bob-camera", "enabled", true)), "3403", "same account");
            long id = admin.send("control::bell", Map.of("to", "bob-camera", "enabled", true));
            JsonNode request = camera.await("control::bell");
            assertThat(request.path("body").path("enabled").asBoolean()).isTrue();
            answer(camera, request.path("header").path("id").asLong(), "control::bell", Map.of("enabled", true));
            assertThat(admin.awaitId(id).path("body").path("enabled").asBoolean()).isTrue();
        }
    }

    @Test
    void missingOfflineAndSilentTargetsFail()  {
        try (SignalClient admin = server.register("admin", "console");
                SignalClient camera = server.register("bob", "bob-camera")) {
            assertError(admin.request("control::wakeup", Map.of()), "1003", "missing to");
            assertError(admin.request("control::wakeup", Map.of("to", "nobody")), "3404", "not online");
            assertError(admin.request("control::client::record", Map.of("to", "bob-camera", "enabled", true)), "2001",
                    "in time");
            long id = admin.send("control::config::video", Map.of("to", "bob-camera", "frameRate", 15));
            camera.await("control::config::video");
            camera.abort();
            assertError(admin.awaitId(id), "2002", "offline");
        }
    }
}
