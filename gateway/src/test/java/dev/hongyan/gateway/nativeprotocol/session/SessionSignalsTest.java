package dev.hongyan.gateway.nativeprotocol.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.gateway.nativeprotocol.NativeHarness;
import dev.hongyan.gateway.nativeprotocol.NativeHarness.Terminal;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** session::* through the dispatcher, with real core services and in-memory connections. */
class SessionSignalsTest {

    /** A generous call timeout, so a slow first test on a busy machine cannot time its call out. */
    private final NativeHarness harness = new NativeHarness(30_000, 1000);

    @AfterEach
    void stop() {
        harness.close();
    }

    private static void assertError(JsonNode message, String code, String messagePart) {
        assertThat(message.path("header").path("signal").asText()).isEqualTo("platform::error");
        assertThat(message.path("code").asText()).as(message.toString()).isEqualTo(code);
        assertThat(message.path("message").asText()).contains(messagePart);
    }

    private String call(Terminal caller, Terminal callee, String calleeId) throws InterruptedException {
        JsonNode reply = caller.request("session::call", Map.of("clientId", calleeId, "audio", true, "video", true));
        assertThat(reply.path("code").asText()).as(reply.toString()).isEqualTo("0000");
        String sessionId = reply.path("body").path("sessionId").asText();
        JsonNode ring = callee.next("session::call");
        assertThat(ring.path("body").path("sessionId").asText()).isEqualTo(sessionId);
        return sessionId;
    }

    @Test
    void callExchangePauseResumeClose() throws Exception {
        Terminal alice = harness.register("alice-1", "alice");
        Terminal bob = harness.register("bob-1", "bob");
        JsonNode reply = alice.request("session::call", Map.of("clientId", "bob-1", "audio", true, "video", false));
        assertThat(reply.path("body").path("clientId").asText()).isEqualTo("bob-1");
        assertThat(reply.path("body").path("name").asText()).isEqualTo("bob-1");
        String sessionId = reply.path("body").path("sessionId").asText();
        JsonNode ring = bob.next("session::call").path("body");
        assertThat(ring.path("clientId").asText()).isEqualTo("alice-1");
        assertThat(ring.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(ring.path("audio").asBoolean()).isTrue();
        assertThat(ring.path("video").asBoolean()).isFalse();

        Map<String, Object> offer = Map.of("sessionId", sessionId, "type", "OFFER", "sdp", "v=0\r\n", "extra", 42);
        bob.send("session::exchange", offer);
        assertThat(alice.next("session::exchange").path("body")).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                .valueToTree(offer));
        Map<String, Object> androidCandidate = Map.of("sessionId", sessionId, "type", "Candidate",
                "candidate", Map.of("sdpMid", "0", "sdpMLineIndex", 0, "sdp", "candidate:1 1 udp 1 1.2.3.4 5 typ host"));
        alice.send("session::exchange", androidCandidate);
        assertThat(bob.next("session::exchange").path("body").path("candidate").path("sdp").asText())
                .startsWith("candidate:1");

        alice.send("session::pause", Map.of("sessionId", sessionId, "type", "voice"));
        assertThat(bob.next("session::pause").path("body").path("type").asText()).isEqualTo("voice");
        bob.send("session::resume", Map.of("sessionId", sessionId, "type", "video"));
        assertThat(alice.next("session::resume").path("body").path("type").asText()).isEqualTo("video");

        alice.send("session::close", Map.of("sessionId", sessionId));
        JsonNode closed = bob.next("session::close").path("body");
        assertThat(closed.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(closed.path("reason").asText()).isEqualTo("hangup");
        assertThat(harness.sessions.size()).isZero();
        assertError(bob.request("session::exchange", offer), "3404", "does not exist");
    }

    @Test
    void badCallsAreRefused() throws Exception {
        Terminal alice = harness.register("alice-1", "alice");
        assertError(alice.request("session::call", Map.of("clientId", "nobody")), "3404", "not online");
        assertError(alice.request("session::call", Map.of("clientId", "alice-1")), "1003", "itself");
        assertError(alice.request("session::call", Map.of("audio", true)), "1003", "missing clientId");
        assertError(alice.request("session::call", Map.of("clientId", Map.of("id", 7))), "1003", "wrong type");
        Terminal anonymous = harness.connect();
        assertError(anonymous.request("session::call", Map.of("clientId", "alice-1")), "3401", "register");
    }

    @Test
    void onlyThePartiesMayUseASession() throws Exception {
        Terminal alice = harness.register("alice-1", "alice");
        Terminal bob = harness.register("bob-1", "bob");
        Terminal eve = harness.register("eve-1", "bob");
        String sessionId = call(alice, bob, "bob-1");
        Map<String, Object> offer = Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0");
        assertError(eve.request("session::exchange", offer), "3403", "not a party");
        assertError(eve.request("session::pause", Map.of("sessionId", sessionId, "type", "audio")), "3403", "not a party");
        assertError(eve.request("session::close", Map.of("sessionId", sessionId)), "3403", "not a party");
        assertError(alice.request("session::exchange", Map.of("sessionId", "nope", "type", "offer")), "3404", "nope");
        assertError(alice.request("session::exchange", Map.of("sessionId", sessionId, "type", "bye")), "1003", "type");
        assertError(alice.request("session::exchange", Map.of("type", "offer")), "1003", "missing sessionId");
        assertError(alice.request("session::pause", Map.of("sessionId", sessionId, "type", "screen")), "1003", "type");
        assertThat(bob.poll(100)).isNull();
    }

    @Test
    void anUnansweredCallTimesOutForBoth() throws Exception {
        NativeHarness harness = new NativeHarness(300, 1000);
        Terminal alice = harness.register("alice-1", "alice");
        Terminal bob = harness.register("bob-1", "bob");
        String sessionId = call(alice, bob, "bob-1");
        assertThat(alice.next("session::close").path("body").path("reason").asText()).isEqualTo("timeout");
        JsonNode toBob = bob.next("session::close").path("body");
        assertThat(toBob.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(toBob.path("reason").asText()).isEqualTo("timeout");
        harness.close();
    }

    @Test
    void theCalleesExchangeStopsTheTimeout() throws Exception {
        NativeHarness harness = new NativeHarness(1000, 1000);
        Terminal alice = harness.register("alice-1", "alice");
        Terminal bob = harness.register("bob-1", "bob");
        String sessionId = call(alice, bob, "bob-1");
        bob.send("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0"));
        alice.next("session::exchange");
        assertThat(alice.poll(1500)).isNull();
        assertThat(harness.sessions.find(sessionId)).isPresent();
        harness.close();
    }

    @Test
    void aDisconnectClosesTheCallsAndTellsThePeer() throws Exception {
        Terminal alice = harness.register("alice-1", "alice");
        Terminal bob = harness.register("bob-1", "bob");
        String sessionId = call(alice, bob, "bob-1");
        bob.send("session::exchange", Map.of("sessionId", sessionId, "type", "offer", "sdp", "v=0"));
        alice.next("session::exchange");
        bob.disconnect();
        JsonNode closed = alice.next("session::close").path("body");
        assertThat(closed.path("sessionId").asText()).isEqualTo(sessionId);
        assertThat(closed.path("reason").asText()).isEqualTo("offline");
        assertThat(harness.sessions.size()).isZero();
    }
}
