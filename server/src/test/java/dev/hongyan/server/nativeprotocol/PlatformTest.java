package dev.hongyan.server.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** platform::* and system::reboot/shutdown: off by default, admin-only, named commands only. */
class PlatformTest {

    @Test
    void everythingIsDisabledByDefault() {
        try (TestServer server = TestServer.start();
                SignalClient admin = server.register("admin", "pf-admin");
                SignalClient user = server.register("alice", "pf-user")) {
            for (String signal : new String[] {"platform::script", "platform::reboot", "platform::shutdown",
                    "system::reboot", "system::shutdown"}) {
                JsonNode refused = admin.request(signal, Map.of("script", "x"));
                assertThat(refused.path("code").asText()).as(signal).isEqualTo("3503");
                assertThat(user.request(signal, Map.of("script", "x")).path("code").asText()).as(signal).isEqualTo("3403");
            }
        }
    }

    @Test
    void namedScriptsRunAndNothingElseDoes() {
        try (TestServer server = TestServer.start("""
                platform:
                  enabled: true
                  scripts:
                    greet: "echo hello from hongyan"
                    fail: "false"
                """);
                SignalClient admin = server.register("admin", "pf-admin2")) {
            JsonNode result = admin.request("platform::script", Map.of("script", "greet"));
            assertThat(result.path("code").asText()).isEqualTo("0000");
            assertThat(result.path("body").path("result").asText()).isEqualTo("hello from hongyan\n");
            JsonNode unknown = admin.request("platform::script", Map.of("script", "rm -rf /"));
            assertThat(unknown.path("code").asText()).isEqualTo("3404");
            JsonNode failing = admin.request("platform::script", Map.of("script", "fail"));
            assertThat(failing.path("code").asText()).isEqualTo("3500");
            JsonNode unconfigured = admin.request("system::reboot", Map.of());
            assertThat(unconfigured.path("code").asText()).isEqualTo("3503");
            assertThat(unconfigured.path("message").asText()).contains("platform.systemRebootCommand");
        }
    }

    @Test
    void systemRebootTellsEveryoneThenRunsTheConfiguredCommand() {
        try (TestServer server = TestServer.start("""
                platform:
                  enabled: true
                  systemRebootCommand: "true"
                """);
                SignalClient admin = server.register("admin", "pf-admin3");
                SignalClient other = server.register("bob", "pf-other")) {
            long id = admin.send("system::reboot", Map.of());
            assertThat(other.await("system::reboot").path("body").path("clientId").asText()).isEqualTo("pf-admin3");
            assertThat(admin.await("system::reboot", m -> m.path("code").isMissingNode())).isNotNull();
            assertThat(admin.awaitId(id).path("code").asText()).isEqualTo("0000");
        }
    }

    @Test
    void platformShutdownTellsEveryoneAndStopsTheServer() throws Exception {
        TestServer server = TestServer.start("""
                platform:
                  enabled: true
                """);
        try (SignalClient admin = server.register("admin", "pf-admin4");
                SignalClient other = server.register("bob", "pf-other4")) {
            admin.send("platform::shutdown", Map.of());
            assertThat(other.await("platform::shutdown")).isNotNull();
            assertThat(other.awaitClose()).as("closed by the graceful stop").isEqualTo(1001);
            server.application().awaitStop();
        } finally {
            server.close();
        }
    }
}
