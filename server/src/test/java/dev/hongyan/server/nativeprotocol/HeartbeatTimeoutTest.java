package dev.hongyan.server.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HeartbeatTimeoutTest {

    @Test
    void aSilentClientIsClosedAndAnnouncedOfflineWhileABeatingOneStays() throws Exception {
        try (TestServer server = TestServer.start("""
                clients:
                  heartbeatTimeoutMillis: 700
                signal:
                  heartbeatCheckMillis: 100
                """);
                SignalClient beating = server.register("admin", "hb-alive");
                SignalClient silent = server.register("bob", "hb-silent")) {
            long until = System.currentTimeMillis() + 1500;
            while (System.currentTimeMillis() < until && !silent.isClosed()) {
                beating.send("client::heartbeat", Map.of());
                Thread.sleep(150);
            }
            JsonNode told = silent.await("platform::error");
            assertThat(told.path("code").asText()).isEqualTo("2001");
            assertThat(told.path("message").asText()).contains("no heartbeat");
            assertThat(silent.awaitClose()).isEqualTo(4000);
            beating.await("client::offline", m -> m.path("body").path("clientId").asText().equals("hb-silent"));
            // Both registered together: keep beating for longer than the timeout, so a server that
            // ignored heartbeats would have closed this one by now too.
            long past = System.currentTimeMillis() + 1200;
            while (System.currentTimeMillis() < past) {
                beating.send("client::heartbeat", Map.of());
                Thread.sleep(150);
            }
            assertThat(beating.isClosed()).isFalse();
            beating.expectNo("platform::error", 0);
            assertThat(beating.request("client::status", Map.of()).path("code").asText()).isEqualTo("0000");
        }
    }
}
