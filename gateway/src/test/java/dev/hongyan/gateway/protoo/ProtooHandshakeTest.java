package dev.hongyan.gateway.protoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

final class ProtooHandshakeTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ProtooGateway gateway = new ProtooGateway(null, ProtooSettings.defaults(), scheduler, new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private static HandshakeRequest request(Map<String, List<String>> query) {
        return new HandshakeRequest("/", query, Map.of(), "127.0.0.1");
    }

    @Test
    void servesEveryUnclaimedPathWithSubprotocolProtoo() {
        assertThat(gateway.path()).isEqualTo("/");
        assertThat(gateway.subprotocol()).contains("protoo");
    }

    @Test
    void roomIdAndPeerIdAreRequired() {
        HandshakeDecision missing = HandshakeDecision.reject(400, "Connection request without roomId and/or peerId");
        assertThat(gateway.handshake(request(Map.of()))).isEqualTo(missing);
        assertThat(gateway.handshake(request(Map.of("roomId", List.of("r"))))).isEqualTo(missing);
        assertThat(gateway.handshake(request(Map.of("peerId", List.of("p"))))).isEqualTo(missing);
        assertThat(gateway.handshake(request(Map.of("roomId", List.of(""), "peerId", List.of("p"))))).isEqualTo(missing);
        assertThat(gateway.handshake(request(Map.of("roomId", List.of("r"), "peerId", List.of("p"))))).isEqualTo(HandshakeDecision.ACCEPT);
        assertThat(gateway.handshake(request(Map.of("roomId", List.of("r".repeat(300)), "peerId", List.of("p")))))
                .isInstanceOf(HandshakeDecision.Reject.class);
    }

    @Test
    void everyDemoRequestHasExactlyOneHandler() {
        assertThat(ProtooHandlers.mediasoupDemo().all()).extracting(ProtooHandler::method).containsExactlyInAnyOrder(
                "getRouterRtpCapabilities", "join", "createWebRtcTransport", "connectWebRtcTransport", "restartIce",
                "produce", "closeProducer", "pauseProducer", "resumeProducer", "pauseConsumer", "resumeConsumer",
                "setConsumerPreferredLayers", "setConsumerPriority", "requestConsumerKeyFrame", "produceData",
                "changeDisplayName", "getTransportStats", "getProducerStats", "getConsumerStats",
                "getDataProducerStats", "getDataConsumerStats", "applyNetworkThrottle", "resetNetworkThrottle");
    }
}
