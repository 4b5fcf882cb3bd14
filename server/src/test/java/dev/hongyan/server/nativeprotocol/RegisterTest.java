package dev.hongyan.server.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RegisterTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                signal:
                  registerTimeoutMillis: 2500
                webrtc:
                  stunUrls: ["stun:stun.example.org:3478"]
                  turn:
                    secret: "turn-secret"
                    urls: ["turn:turn.example.org:3478?transport=udp"]
                    ttlSeconds: 3600
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Map<String, Object> register(String user, String password, String clientId, String type) {
        return Map.of("username", user, "password", password, "clientId", clientId, "clientType", type, "name", clientId);
    }

    @Test
    void registerAnswersIndexPushesConfigAndAnnouncesOnline() {
        try (SignalClient watcher = server.register("admin", "reg-watcher");
                SignalClient client = server.connect()) {
            long id = client.send("client::register", register("alice", "alice-pw", "reg-alice", "MOBILE"));
            JsonNode reply = client.awaitId(id);
            assertThat(reply.path("code").asText()).isEqualTo("0000");
            assertThat(reply.path("header").path("signal").asText()).isEqualTo("client::register");
            assertThat(reply.path("body").path("index").asInt()).isBetween(10_000, 99_999);
            assertThat(reply.path("body").path("clientId").asText()).isEqualTo("reg-alice");

            JsonNode config = client.await("client::config");
            JsonNode iceServers = config.path("body").path("webrtc").path("iceServers");
            assertThat(iceServers).hasSize(2);
            JsonNode turn = iceServers.get(1);
            String username = turn.path("username").asText();
            assertThat(username).endsWith(":reg-alice");
            long expiry = Long.parseLong(username.substring(0, username.indexOf(':')));
            assertThat(expiry - System.currentTimeMillis() / 1000).isBetween(3500L, 3601L);
            assertThat(turn.path("credential").asText()).isEqualTo(hmacSha1Base64("turn-secret", username));
            assertThat(config.path("body").path("datetime").asText()).matches("\\d{14}");

            JsonNode online = watcher.await("client::online", m -> m.path("body").path("clientId").asText().equals("reg-alice"));
            assertThat(online.path("body").path("clientType").asText()).isEqualTo("MOBILE");
            assertThat(online.path("body").path("ip").asText()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void wrongPasswordIsRefusedAndTheConnectionMayRetry() {
        try (SignalClient client = server.connect()) {
            JsonNode refused = client.request("client::register", register("bob", "nope", "reg-bob", "WEB"));
            assertThat(refused.path("code").asText()).isEqualTo("3401");
            assertThat(refused.path("header").path("signal").asText()).isEqualTo("platform::error");
            assertThat(refused.path("body").path("signal").asText()).isEqualTo("client::register");
            JsonNode unknownAccount = client.request("client::register", register("mallory", "x", "reg-m", "WEB"));
            assertThat(unknownAccount.path("code").asText()).isEqualTo("3401");
            assertThat(unknownAccount.path("message").asText()).isEqualTo(refused.path("message").asText());
            JsonNode ok = client.request("client::register", register("bob", "bob-pw", "reg-bob", "WEB"));
            assertThat(ok.path("code").asText()).isEqualTo("0000");
        }
    }

    @Test
    void repeatedFailuresAreThrottled() {
        try (SignalClient client = server.connect()) {
            for (int i = 0; i < 5; i++) {
                assertThat(client.request("client::register", register("carol", "bad" + i, "reg-carol", "WEB"))
                        .path("code").asText()).isEqualTo("3401");
            }
            JsonNode locked = client.request("client::register", register("carol", "carol-pw", "reg-carol", "WEB"));
            assertThat(locked.path("code").asText()).isEqualTo("3429");
            assertThat(locked.path("message").asText()).contains("try again in");
        }
    }

    @Test
    void takeoverBySameAccountClosesTheOlderConnectionWithoutOfflineNotice() {
        try (SignalClient watcher = server.register("admin", "take-watcher");
                SignalClient first = server.register("alice", "take-1");
                SignalClient second = server.connect()) {
            watcher.await("client::online", m -> m.path("body").path("clientId").asText().equals("take-1"));
            JsonNode ok = second.request("client::register", register("alice", "alice-pw", "take-1", "WEB"));
            assertThat(ok.path("code").asText()).isEqualTo("0000");
            JsonNode told = first.await("platform::error");
            assertThat(told.path("code").asText()).isEqualTo("3409");
            assertThat(first.awaitClose()).isEqualTo(4000);
            watcher.expectNo("client::offline", 300);
            JsonNode status = watcher.request("client::status", Map.of("clientId", "take-1"));
            assertThat(status.path("code").asText()).isEqualTo("0000");
        }
    }

    @Test
    void takeoverByAnotherAccountIsRefused() {
        try (SignalClient owner = server.register("alice", "owned-by-alice");
                SignalClient intruder = server.connect()) {
            JsonNode refused = intruder.request("client::register", register("bob", "bob-pw", "owned-by-alice", "WEB"));
            assertThat(refused.path("code").asText()).isEqualTo("3409");
            assertThat(owner.isClosed()).isFalse();
            assertThat(owner.request("client::status", Map.of()).path("code").asText()).isEqualTo("0000");
        }
    }

    @Test
    void badRegisterBodies() {
        try (SignalClient client = server.connect()) {
            JsonNode type = client.request("client::register", register("bob", "bob-pw", "reg-x", "TOASTER"));
            assertThat(type.path("code").asText()).isEqualTo("1003");
            assertThat(type.path("message").asText()).contains("clientType").contains("TOASTER");
            JsonNode missing = client.request("client::register", Map.of("username", "bob", "password", "bob-pw", "clientType", "WEB"));
            assertThat(missing.path("code").asText()).isEqualTo("1003");
            assertThat(missing.path("message").asText()).isEqualTo("missing clientId");
            JsonNode badId = client.request("client::register", register("bob", "bob-pw", "has space", "WEB"));
            assertThat(badId.path("code").asText()).isEqualTo("1003");
            JsonNode wrongType = client.request("client::register", Map.of("username", "bob", "password", "bob-pw",
                    "clientId", "reg-y", "clientType", "WEB", "battery", "full"));
            assertThat(wrongType.path("code").asText()).isEqualTo("1003");
            assertThat(wrongType.path("message").asText()).contains("battery");
            JsonNode outOfRange = client.request("client::register", Map.of("username", "bob", "password", "bob-pw",
                    "clientId", "reg-y", "clientType", "WEB", "battery", 130));
            assertThat(outOfRange.path("code").asText()).isEqualTo("1003");
        }
    }

    @Test
    void secondRegisterOnOneConnectionIsAConflict() {
        try (SignalClient client = server.register("bob", "reg-twice")) {
            JsonNode again = client.request("client::register", register("bob", "bob-pw", "reg-twice-2", "WEB"));
            assertThat(again.path("code").asText()).isEqualTo("3409");
        }
    }

    @Test
    void anUnregisteredConnectionIsClosedAfterTheDeadline() {
        try (SignalClient idle = server.connect()) {
            JsonNode told = idle.await("platform::error");
            assertThat(told.path("code").asText()).isEqualTo("3401");
            assertThat(idle.awaitClose()).isEqualTo(4000);
        }
    }

    static String hmacSha1Base64(String secret, String text) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA1");
            mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(java.nio.charset.StandardCharsets.UTF_8), "HmacSHA1"));
            return java.util.Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
