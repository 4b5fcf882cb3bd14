package dev.hongyan.server.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** session::* against the started server with real WebSocket clients. */
class SessionIntegrationTest {

    /** The default call timeout (30 s), so a slow first test on a busy machine cannot time its call out. */
    private final TestServer server = TestServer.start();

    @AfterEach
    void stop() {
        server.close();
    }

    private static void assertError(JsonNode message, String code, String part) {
        assertThat(message.path("header").path("signal").asText()).as(message.toString()).isEqualTo("platform::error");
        assertThat(message.path("code").asText()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asText()).contains(part);
    }

    private static String call(SignalClient caller, SignalClient callee)  {
        JsonNode reply = caller.request("session::call", Map.of("clientId", callee.clientId(), "audio", true, "video", true));
        assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("0000");
        assertThat(reply.path("body").path("clientId").asText()).isEqualTo(callee.clientId());
        String sessionId = reply.path("body").path("sessionId").asText();
        JsonNode ring = callee.await("session::call").path("body");
        assertThat(ring.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(ring.path("clientId").asText()).isEqualTo(caller.clientId());
        return sessionId;
    }

    @Test
    void aCallIsNegotiatedBetweenTheTwoPartiesAndHungUp()  {
        try (SignalClient alice = server.register("alice", "alice-1");
                SignalClient bob = server.register("bob", "bob-1")) {
            String sessionId = call(alice, bob);
            bob.send("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0\r\n"));
            JsonNode offer = alice.await("session::exchange").path("body");
            assertThat(offer.path("sdp").asText()).isEqualTo("v=0\r\n");
            alice.send("session::exchange", Map.of("sessionId", sessionId, "type", "ANSWER", "sdp", "v=0\r\n"));
            assertThat(bob.await("session::exchange").path("body").path("type").asText()).isEqualTo("ANSWER");
            Map<String, Object> android = Map.of("sessionId", sessionId, "type", "candidate",
                    "candidate", Map.of("sdpMid", "0", "sdpMLineIndex", 0, "sdp", "candidate:1 1 udp 9 10.0.0.1 9 typ host"));
            alice.send("session::exchange", android);
            assertThat(bob.await("session::exchange").path("body").path("candidate").path("sdp").asText())
                    .startsWith("candidate:1");
            bob.send("session::pause", Map.of("sessionId", sessionId, "type", "audio"));
            assertThat(alice.await("session::pause").path("body").path("type").asText()).isEqualTo("audio");
            bob.send("session::resume", Map.of("sessionId", sessionId, "type", "audio"));
            alice.await("session::resume");
            bob.send("session::close", Map.of("sessionId", sessionId));
            assertThat(alice.await("session::close").path("body").path("reason").asText()).isEqualTo("hangup");
            assertError(bob.request("session::exchange", Map.of("sessionId", sessionId, "type", "offer")), "3404",
                    "does not exist");
        }
    }

    @Test
    void unknownTargetsSessionsAndOutsidersAreRefused()  {
        try (SignalClient alice = server.register("alice", "alice-1");
                SignalClient bob = server.register("bob", "bob-1");
                SignalClient eve = server.register("bob", "eve-1")) {
            assertError(alice.request("session::call", Map.of("clientId", "offline-one")), "3404", "not online");
            assertError(alice.request("session::call", Map.of("clientId", "alice-1")), "1003", "itself");
            String sessionId = call(alice, bob);
            assertError(eve.request("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "x")),
                    "3403", "not a party");
            assertError(eve.request("session::close", Map.of("sessionId", sessionId)), "3403", "not a party");
            assertError(alice.request("session::exchange", Map.of("sessionId", "no-such", "type", "offer")), "3404", "no-such");
            assertError(alice.request("session::exchange", Map.of("sessionId", sessionId, "type", "hello")), "1003", "type");
            assertError(alice.request("session::resume", Map.of("sessionId", sessionId)), "1003", "missing type");
            bob.expectNo("session::exchange", 200);
        }
    }

    @Test
    void anUnansweredCallTimesOutAndBothSidesAreTold()  {
        try (TestServer server = TestServer.start("sessions:\n  callTimeoutMillis: 400\n");
                SignalClient alice = server.register("alice", "alice-1");
                SignalClient bob = server.register("bob", "bob-1")) {
            String sessionId = call(alice, bob);
            JsonNode toAlice = alice.await("session::close").path("body");
            JsonNode toBob = bob.await("session::close").path("body");
            assertThat(toAlice.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(toAlice.path("reason").asText()).isEqualTo("timeout");
            assertThat(toBob.path("reason").asText()).isEqualTo("timeout");
            assertError(alice.request("session::exchange", Map.of("sessionId", sessionId, "type", "offer")), "3404",
                    sessionId);
        }
    }

    @Test
    void aDisconnectClosesItsSessionsAndThePeerIsTold()  {
        try (SignalClient alice = server.register("alice", "alice-1");
                SignalClient bob = server.register("bob", "bob-1")) {
            String sessionId = call(alice, bob);
            bob.send("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0"));
            alice.await("session::exchange");
            bob.abort();
            JsonNode closed = alice.await("session::close").path("body");
            assertThat(closed.path("sessionId").asText()).isEqualTo(sessionId);
            assertThat(closed.path("reason").asText()).isEqualTo("offline");
            assertError(alice.request("session::close", Map.of("sessionId", sessionId)), "3404", "does not exist");
        }
    }
}
