package dev.hongyan.server.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets a precise error echoing the id, and the connection keeps working. */
class BadInputTest {

    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start("""
                limits:
                  maxFrameBytes: 4096
                  messagesPerSecond: 20
                  messageBurst: 20
                """);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void assertStillWorks(SignalClient client) {
        assertThat(client.request("client::status", Map.of()).path("code").asText()).isEqualTo("0000");
    }

    @Test
    void malformedJsonAndEnvelopes() {
        try (SignalClient client = server.register("alice", "bad-json")) {
            client.sendRaw("{not json");
            JsonNode error = client.await("platform::error");
            assertThat(error.path("code").asText()).isEqualTo("1002");
            assertThat(error.path("message").asText()).startsWith("malformed JSON");

            client.sendRaw("[1,2,3]");
            assertThat(client.await("platform::error").path("code").asText()).isEqualTo("1002");

            client.sendRaw("{\"body\":{}}");
            assertThat(client.await("platform::error").path("message").asText()).isEqualTo("missing header");

            client.sendRaw("{\"header\":{\"id\":1234567890123456,\"signal\":\"\"}}");
            JsonNode noSignal = client.awaitId(1234567890123456L);
            assertThat(noSignal.path("code").asText()).isEqualTo("1002");
            assertThat(noSignal.path("message").asText()).contains("header.signal");

            client.sendRaw("{\"header\":{\"id\":1234567890123457,\"signal\":\"client::status\"},\"body\":[1]}");
            assertThat(client.awaitId(1234567890123457L).path("message").asText()).isEqualTo("body must be a JSON object");

            client.sendRaw("{\"header\":{\"id\":\"abc\",\"signal\":\"client::status\"}}");
            assertThat(client.await("platform::error").path("message").asText()).contains("header.id");
            assertStillWorks(client);
        }
    }

    @Test
    void unknownSignalEchoesTheId() {
        try (SignalClient client = server.register("alice", "bad-signal")) {
            JsonNode error = client.request("client::teleport", Map.of());
            assertThat(error.path("code").asText()).isEqualTo("3415");
            assertThat(error.path("message").asText()).isEqualTo("unknown signal \"client::teleport\"");
            assertThat(error.path("body").path("signal").asText()).isEqualTo("client::teleport");
            assertStillWorks(client);
        }
    }

    @Test
    void signalsBeforeRegisterAreUnauthorized() {
        try (SignalClient client = server.connect()) {
            JsonNode error = client.request("client::list", Map.of());
            assertThat(error.path("code").asText()).isEqualTo("3401");
            assertThat(error.path("message").asText()).contains("register first");
            client.registerAs("alice", "alice-pw", "bad-unauth", "WEB");
            assertStillWorks(client);
        }
    }

    @Test
    void wrongTypesAndMissingFields() {
        try (SignalClient client = server.register("alice", "bad-types")) {
            JsonNode battery = client.request("client::heartbeat", Map.of("battery", "full"));
            assertThat(battery.path("code").asText()).isEqualTo("1003");
            assertThat(battery.path("message").asText()).isEqualTo("body.battery has the wrong type (expected an integer)");
            JsonNode charging = client.request("client::heartbeat", Map.of("charging", 1));
            assertThat(charging.path("code").asText()).isEqualTo("1003");
            assertThat(charging.path("message").asText()).contains("charging");
            JsonNode alarm = client.request("client::alarm", Map.of("datetime", "20260101000000"));
            assertThat(alarm.path("message").asText()).isEqualTo("missing message");
            JsonNode unicast = client.request("client::unicast", Map.of("text", "hi"));
            assertThat(unicast.path("message").asText()).isEqualTo("missing to");
            JsonNode list = client.request("client::list", Map.of("clientType", 5));
            assertThat(list.path("code").asText()).isEqualTo("1003");
            JsonNode numberAsText = client.request("client::alarm", Map.of("message", 42));
            assertThat(numberAsText.path("message").asText()).isEqualTo("body.message has the wrong type (expected a string)");
            assertStillWorks(client);
        }
    }

    @Test
    void serverOnlySignalsAreNotAllowedFromClients() {
        try (SignalClient client = server.register("alice", "bad-direction")) {
            JsonNode error = client.request("client::online", Map.of());
            assertThat(error.path("code").asText()).isEqualTo("3405");
            assertStillWorks(client);
        }
    }

    @Test
    void oversizedFrameIsRefusedWithItsIdAndTheConnectionSurvives() {
        try (SignalClient client = server.register("alice", "bad-size")) {
            long id = client.nextId();
            client.sendRaw(SignalClient.envelope(id, "client::broadcast", Map.of("blob", "x".repeat(6000))));
            JsonNode error = client.awaitId(id);
            assertThat(error.path("code").asText()).isEqualTo("1413");
            assertStillWorks(client);
        }
    }

    @Test
    void floodingIsRateLimited() {
        try (SignalClient client = server.register("alice", "bad-flood")) {
            for (int i = 0; i < 60; i++) {
                client.send("client::heartbeat", Map.of());
            }
            JsonNode limited = client.await("platform::error", m -> m.path("code").asText().equals("1429"));
            assertThat(limited.path("message").asText()).contains("too many messages");
        }
    }

    @Test
    void binaryFramesAreRefused() throws Exception {
        java.util.concurrent.LinkedBlockingQueue<String> received = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(server.nativeUrl()), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket ws, CharSequence data, boolean last) {
                        received.add(data.toString());
                        ws.request(1);
                        return null;
                    }
                }).join();
        socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).join();
        String text = received.poll(5, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(text).contains("\"code\":\"1415\"");
        socket.abort();
    }

    @Test
    void errorsAreCountedInMetrics() throws Exception {
        try (SignalClient client = server.register("alice", "bad-metrics")) {
            client.request("client::teleport", Map.of());
        }
        String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.httpUrl() + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("hongyan_signal_errors_total{code=\"3415\"}");
        assertThat(metrics).contains("hongyan_signal_messages_in_total{signal=\"client::register\"}");
        assertThat(metrics).containsPattern("hongyan_signal_request_seconds_count\\{signal=\"client::status\"\\}|hongyan_signal_request_seconds_count\\{signal=\"client::register\"\\}");
        assertThat(metrics).contains("hongyan_clients{type=\"WEB\"}");
    }
}
