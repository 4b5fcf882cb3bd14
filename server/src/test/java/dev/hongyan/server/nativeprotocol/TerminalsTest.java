package dev.hongyan.server.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** client::* signals between terminals: heartbeat, list, status, broadcast, unicast, alarm, close, system::info. */
class TerminalsTest {

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
    void heartbeatUpdatesTelemetryAndStatus() {
        try (SignalClient cam = server.register("cam", "t-cam", "CAMERA");
                SignalClient viewer = server.register("alice", "t-viewer")) {
            JsonNode beat = cam.request("client::heartbeat", Map.of("battery", 77, "charging", true, "latitude", 31.2,
                    "longitude", 121.5, "status", Map.of("fw", "1.2")));
            assertThat(beat.path("code").asText()).isEqualTo("0000");
            assertThat(beat.path("body").path("lastHeartbeat").asText()).matches("\\d{14}");
            cam.request("client::heartbeat", Map.of("signal", 80));
            JsonNode status = viewer.request("client::status", Map.of("clientId", "t-cam")).path("body");
            assertThat(status.path("battery").asInt()).isEqualTo(77);
            assertThat(status.path("signal").asInt()).isEqualTo(80);
            assertThat(status.path("charging").asBoolean()).isTrue();
            assertThat(status.path("latitude").asDouble()).isEqualTo(31.2);
            assertThat(status.path("status").path("fw").asText()).isEqualTo("1.2");
            assertThat(status.path("clientType").asText()).isEqualTo("CAMERA");
            JsonNode own = viewer.request("client::status", Map.of()).path("body");
            assertThat(own.path("clientId").asText()).isEqualTo("t-viewer");
            JsonNode unknown = viewer.request("client::status", Map.of("clientId", "nobody"));
            assertThat(unknown.path("code").asText()).isEqualTo("3404");
        }
    }

    @Test
    void listFiltersByType() {
        try (SignalClient cam = server.register("cam", "l-cam", "CAMERA");
                SignalClient web = server.register("alice", "l-web")) {
            JsonNode cameras = web.request("client::list", Map.of("clientType", "CAMERA")).path("body");
            List<String> ids = new ArrayList<>();
            cameras.forEach(c -> ids.add(c.path("clientId").asText()));
            assertThat(ids).contains("l-cam").doesNotContain("l-web");
            cameras.forEach(c -> assertThat(c.path("clientType").asText()).isEqualTo("CAMERA"));
            JsonNode all = web.request("client::list", Map.of()).path("body");
            List<String> allIds = new ArrayList<>();
            all.forEach(c -> allIds.add(c.path("clientId").asText()));
            assertThat(allIds).contains("l-cam", "l-web");
            assertThat(web.request("client::list", Map.of("clientType", "TOASTER")).path("code").asText()).isEqualTo("1003");
        }
    }

    @Test
    void broadcastReachesOthersOfTheTypeButNotTheSender() {
        try (SignalClient sender = server.register("alice", "b-sender");
                SignalClient web = server.register("bob", "b-web");
                SignalClient cam = server.register("cam", "b-cam", "CAMERA")) {
            sender.send("client::broadcast", Map.of("text", "hello all"));
            assertThat(web.await("client::broadcast").path("body").path("text").asText()).isEqualTo("hello all");
            assertThat(cam.await("client::broadcast").path("body").path("text").asText()).isEqualTo("hello all");
            sender.expectNo("client::broadcast", 200);

            sender.send("client::broadcast", Map.of("clientType", "CAMERA", "text", "cameras only"));
            assertThat(cam.await("client::broadcast").path("body").path("text").asText()).isEqualTo("cameras only");
            web.expectNo("client::broadcast", 300);
        }
    }

    @Test
    void unicastReachesOnlyTheTarget() {
        try (SignalClient alice = server.register("alice", "u-alice");
                SignalClient bob = server.register("bob", "u-bob");
                SignalClient carol = server.register("carol", "u-carol")) {
            alice.send("client::unicast", Map.of("to", "u-bob", "text", "psst"));
            JsonNode received = bob.await("client::unicast");
            assertThat(received.path("body").path("text").asText()).isEqualTo("psst");
            assertThat(received.path("body").path("from").asText()).isEqualTo("u-alice");
            assertThat(received.path("body").has("to")).isFalse();
            carol.expectNo("client::unicast", 200);
            JsonNode missing = alice.request("client::unicast", Map.of("to", "u-nobody", "text", "?"));
            assertThat(missing.path("code").asText()).isEqualTo("3404");
        }
    }

    @Test
    void alarmsReachAdminsOnly() {
        try (SignalClient admin = server.register("admin", "a-admin");
                SignalClient bystander = server.register("bob", "a-bob");
                SignalClient cam = server.register("cam", "a-cam", "CAMERA")) {
            cam.send("client::alarm", Map.of("message", "motion detected", "datetime", "20261121120000"));
            JsonNode alarm = admin.await("client::alarm");
            assertThat(alarm.path("body").path("clientId").asText()).isEqualTo("a-cam");
            assertThat(alarm.path("body").path("message").asText()).isEqualTo("motion detected");
            assertThat(alarm.path("body").path("datetime").asText()).isEqualTo("20261121120000");
            bystander.expectNo("client::alarm", 200);
            JsonNode badDate = cam.request("client::alarm", Map.of("message", "x", "datetime", "yesterday"));
            assertThat(badDate.path("code").asText()).isEqualTo("1003");
        }
        awaitOffline("a-cam");
    }

    @Test
    void closeAnswersThenClosesAndAnnouncesOffline() {
        try (SignalClient watcher = server.register("admin", "c-watcher");
                SignalClient leaving = server.register("bob", "c-leaving")) {
            JsonNode reply = leaving.request("client::close", Map.of());
            assertThat(reply.path("code").asText()).isEqualTo("0000");
            assertThat(leaving.awaitClose()).isEqualTo(1000);
            watcher.await("client::offline", m -> m.path("body").path("clientId").asText().equals("c-leaving"));
        }
    }

    @Test
    void aDroppedConnectionIsCleanedUpAndAnnounced() {
        try (SignalClient watcher = server.register("admin", "d-watcher")) {
            SignalClient crashing = server.register("bob", "d-crash");
            crashing.abort();
            watcher.await("client::offline", m -> m.path("body").path("clientId").asText().equals("d-crash"));
            awaitOffline("d-crash");
        }
    }

    /** Closing is asynchronous: the server learns of it when the socket closes. */
    private static void awaitOffline(String clientId) {
        long deadline = System.currentTimeMillis() + 5000;
        while (server.application().clients().registry().find(clientId).isPresent()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(clientId + " still online");
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Test
    void systemInfoDescribesTheHost() {
        try (SignalClient client = server.register("alice", "s-info")) {
            JsonNode info = client.request("system::info", Map.of()).path("body");
            assertThat(info.path("cpuProcessors").asInt()).isPositive();
            assertThat(info.path("maxMemory").asLong()).isPositive();
            assertThat(info.path("javaVersion").asText()).isNotBlank();
            assertThat(info.path("diskspace").isArray()).isTrue();
            assertThat(info.path("diskspace").get(0).path("total").asLong()).isPositive();
        }
    }

    @Test
    void platformErrorReportsFromTerminalsAreAccepted() {
        try (SignalClient client = server.register("alice", "p-err")) {
            client.send("platform::error", Map.of("message", "camera driver crashed"));
            client.expectNo("platform::error", 200);
        }
    }
}
