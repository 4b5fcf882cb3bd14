package dev.hongyan.server.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** client::reboot / client::shutdown: admin → server → device, answered asynchronously. */
class DeviceCommandTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                signal:
                  requestTimeoutMillis: 500
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theDevicesAnswerReachesTheAdminUnderTheAdminsId() {
        try (SignalClient admin = server.register("admin", "dc-admin");
                SignalClient cam = server.register("cam", "dc-cam", "CAMERA")) {
            long id = admin.send("client::reboot", Map.of("clientId", "dc-cam"));
            JsonNode command = cam.await("client::reboot");
            long serverId = command.path("header").path("id").asLong();
            assertThat(serverId).isNotEqualTo(id);
            cam.sendRaw("{\"code\":\"0000\",\"message\":\"ok\",\"header\":{\"v\":\"1.0.0\",\"id\":" + serverId
                    + ",\"signal\":\"client::reboot\"},\"body\":{\"rebooting\":true}}");
            JsonNode answer = admin.awaitId(id);
            assertThat(answer.path("code").asText()).isEqualTo("0000");
            assertThat(answer.path("header").path("signal").asText()).isEqualTo("client::reboot");
            assertThat(answer.path("body").path("rebooting").asBoolean()).isTrue();
        }
    }

    @Test
    void aSilentDeviceTimesOut() {
        try (SignalClient admin = server.register("admin", "dc-admin2");
                SignalClient cam = server.register("cam", "dc-cam2", "CAMERA")) {
            JsonNode answer = admin.request("client::shutdown", Map.of("clientId", "dc-cam2"));
            assertThat(cam.await("client::shutdown")).isNotNull();
            assertThat(answer.path("code").asText()).isEqualTo("2001");
        }
    }

    @Test
    void aDeviceRefusingIsReportedAndGoingOfflineIsReported() {
        try (SignalClient admin = server.register("admin", "dc-admin3");
                SignalClient cam = server.register("cam", "dc-cam3", "CAMERA")) {
            long id = admin.send("client::reboot", Map.of("clientId", "dc-cam3"));
            long serverId = cam.await("client::reboot").path("header").path("id").asLong();
            cam.sendRaw("{\"code\":\"3503\",\"message\":\"busy recording\",\"header\":{\"v\":\"1.0.0\",\"id\":" + serverId
                    + ",\"signal\":\"client::reboot\"},\"body\":{}}");
            JsonNode refused = admin.awaitId(id);
            assertThat(refused.path("code").asText()).isEqualTo("2003");
            assertThat(refused.path("message").asText()).contains("busy recording");

            long second = admin.send("client::reboot", Map.of("clientId", "dc-cam3"));
            cam.await("client::reboot");
            cam.abort();
            assertThat(admin.awaitId(second).path("code").asText()).isEqualTo("2002");
        }
    }

    @Test
    void onlyAdminsMayCommandAndTheTargetMustBeOnline() {
        try (SignalClient admin = server.register("admin", "dc-admin4");
                SignalClient user = server.register("alice", "dc-user");
                SignalClient cam = server.register("cam", "dc-cam4", "CAMERA")) {
            assertThat(user.request("client::reboot", Map.of("clientId", "dc-cam4")).path("code").asText()).isEqualTo("3403");
            cam.expectNo("client::reboot", 200);
            assertThat(admin.request("client::reboot", Map.of("clientId", "dc-nobody")).path("code").asText()).isEqualTo("3404");
            assertThat(admin.request("client::reboot", Map.of()).path("message").asText()).isEqualTo("missing clientId");
        }
    }
}
