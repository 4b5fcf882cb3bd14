package dev.hongyan.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.support.CallsTestServer;
import dev.hongyan.server.support.NativeTerminal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** session::* against the started server with real WebSocket clients. */
class SessionIntegrationTest {

    /** A generous call timeout, so a slow first test on a busy machine cannot time its call out. */
    private final CallsTestServer server = new CallsTestServer(30_000, 1000);

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertError(JsonNode message, String code, String part) {
        assertThat(message.path("header").path("signal").asText()).as(message.toString()).isEqualTo("platform::error");
        assertThat(message.path("code").asText()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asText()).contains(part);
    }

    private static String call(NativeTerminal caller, NativeTerminal callee) throws Exception {
        JsonNode reply = caller.request("session::call", Map.of("clientId", callee.clientId, "audio", true, "video", true));
        assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("0000");
        assertThat(reply.path("body").path("clientId").asText()).isEqualTo(callee.clientId);
        String sessionId = reply.path("body").path("sessionId").asText();
        JsonNode ring = callee.next("session::call").path("body");
        assertThat(ring.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(ring.path("clientId").asText()).isEqualTo(caller.clientId);
        return sessionId;
    }

    @Test
    void aCallIsNegotiatedBetweenTheTwoPartiesAndHungUp() throws Exception {
        try (NativeTerminal alice = NativeTerminal.register(server, "alice-1", "alice");
                NativeTerminal bob = NativeTerminal.register(server, "bob-1", "bob")) {
            String sessionId = call(alice, bob);
            bob.send("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0\r\n"));
            JsonNode offer = alice.next("session::exchange").path("body");
            assertThat(offer.path("sdp").asText()).isEqualTo("v=0\r\n");
            alice.send("session::exchange", Map.of("sessionId", sessionId, "type", "ANSWER", "sdp", "v=0\r\n"));
            assertThat(bob.next("session::exchange").path("body").path("type").asText()).isEqualTo("ANSWER");
            Map<String, Object> android = Map.of("sessionId", sessionId, "type", "candidate",
                    "candidate", Map.of("sdpMid", "0", "sdpMLineIndex", 0, "sdp", "candidate:1 1 udp 9 10.0.0.1 9 typ host"));
            alice.send("session::exchange", android);
            assertThat(bob.next("session::exchange").path("body").path("candidate").path("sdp").asText())
                    .startsWith("candidate:1");
            bob.send("session::pause", Map.of("sessionId", sessionId, "type", "audio"));
            assertThat(alice.next("session::pause").path("body").path("type").asText()).isEqualTo("audio");
            bob.send("session::resume", Map.of("sessionId", sessionId, "type", "audio"));
            alice.next("session::resume");
            bob.send("session::close", Map.of("sessionId", sessionId));
            assertThat(alice.next("session::close").path("body").path("reason").asText()).isEqualTo("hangup");
            assertThat(server.sessions.size()).isZero();
        }
    }

    @Test
    void unknownTargetsSessionsAndOutsidersAreRefused() throws Exception {
        try (NativeTerminal alice = NativeTerminal.register(server, "alice-1", "alice");
                NativeTerminal bob = NativeTerminal.register(server, "bob-1", "bob");
                NativeTerminal eve = NativeTerminal.register(server, "eve-1", "bob")) {
            assertError(alice.request("session::call", Map.of("clientId", "offline-one")), "3404", "not online");
            assertError(alice.request("session::call", Map.of("clientId", "alice-1")), "1003", "itself");
            String sessionId = call(alice, bob);
            assertError(eve.request("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "x")),
                    "3403", "not a party");
            assertError(eve.request("session::close", Map.of("sessionId", sessionId)), "3403", "not a party");
            assertError(alice.request("session::exchange", Map.of("sessionId", "no-such", "type", "offer")), "3404", "no-such");
            assertError(alice.request("session::exchange", Map.of("sessionId", sessionId, "type", "hello")), "1003", "type");
            assertError(alice.request("session::resume", Map.of("sessionId", sessionId)), "1003", "missing type");
            assertThat(bob.poll(200)).isNull();
        }
    }

    @Test
    void anUnansweredCallTimesOutAndBothSidesAreTold() throws Exception {
        try (CallsTestServer server = new CallsTestServer(400, 1000);
                NativeTerminal alice = NativeTerminal.register(server, "alice-1", "alice");
                NativeTerminal bob = NativeTerminal.register(server, "bob-1", "bob")) {
            String sessionId = call(alice, bob);
            JsonNode toAlice = alice.next("session::close").path("body");
            JsonNode toBob = bob.next("session::close").path("body");
            assertThat(toAlice.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(toAlice.path("reason").asText()).isEqualTo("timeout");
            assertThat(toBob.path("reason").asText()).isEqualTo("timeout");
            assertError(alice.request("session::exchange", Map.of("sessionId", sessionId, "type", "offer")), "3404",
                    sessionId);
        }
    }

    @Test
    void aDisconnectClosesItsSessionsAndThePeerIsTold() throws Exception {
        try (NativeTerminal alice = NativeTerminal.register(server, "alice-1", "alice");
                NativeTerminal bob = NativeTerminal.register(server, "bob-1", "bob")) {
            String sessionId = call(alice, bob);
            bob.send("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0"));
            alice.next("session::exchange");
            bob.close();
            JsonNode closed = alice.next("session::close").path("body");
            assertThat(closed.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(closed.path("reason").asText()).isEqualTo("offline");
            assertThat(server.sessions.size()).isZero();
        }
    }
}
