package dev.hongyan.gateway.protoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.gateway.connection.Connection;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A protoo peer before its room is set up. */
final class ProtooPeerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ProtooGateway gateway = new ProtooGateway(null, ProtooSettings.defaults(), scheduler, new SimpleMeterRegistry());

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void atMostMaxWaitingRequestsWaitForTheRoomAndLaterOnesAreRefusedAtOnce() throws Exception {
        RecordingConnection connection = new RecordingConnection();
        ProtooPeer peer = new ProtooPeer(gateway, connection, "r", "p");
        for (int id = 1; id <= ProtooPeer.MAX_WAITING + 2; id++) {
            peer.onText("{\"request\":true,\"id\":" + id + ",\"method\":\"getRouterRtpCapabilities\",\"data\":{}}");
        }
        assertThat(connection.sent).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode refusal = JSON.readTree(connection.sent.get(i));
            assertThat(refusal.path("id").asInt()).isEqualTo(ProtooPeer.MAX_WAITING + 1 + i);
            assertThat(refusal.path("ok").asBoolean()).isFalse();
            assertThat(refusal.path("errorCode").asInt()).isEqualTo(500);
            assertThat(refusal.path("errorReason").asText())
                    .isEqualTo("too many requests before the room is ready (at most 64 may wait); request refused");
        }

        // The ones that waited are answered, in order, once the room answers (here: with a refusal).
        peer.attached(null, new CoreException(ErrorCode.LIMIT_EXCEEDED, "room r is full (maxPeersPerRoom is 100)"));
        assertThat(connection.closeCode).isEqualTo(1011);
        assertThat(connection.sent).hasSize(ProtooPeer.MAX_WAITING + 2);
        for (int i = 0; i < ProtooPeer.MAX_WAITING; i++) {
            JsonNode answer = JSON.readTree(connection.sent.get(2 + i));
            assertThat(answer.path("id").asInt()).isEqualTo(i + 1);
            assertThat(answer.path("errorReason").asText()).isEqualTo("room r is full (maxPeersPerRoom is 100)");
        }
    }

    @Test
    void activeSpeakerIsRenderedAsMediasoupDemoSendsIt() throws Exception {
        RecordingConnection connection = new RecordingConnection();
        ProtooPeer peer = new ProtooPeer(gateway, connection, "r", "p");
        peer.activeSpeaker("alice", -23);
        peer.activeSpeaker(null, -40); // a producer without appData.peerId (quirk Q4): no peerId key
        peer.activeSpeaker(null, null); // silence
        assertThat(connection.sent).hasSize(3);
        List<JsonNode> sent = new java.util.ArrayList<>();
        for (String text : connection.sent) {
            JsonNode n = JSON.readTree(text);
            assertThat(n.path("notification").asBoolean()).isTrue();
            assertThat(n.path("method").asText()).isEqualTo("activeSpeaker");
            sent.add(n.path("data"));
        }
        assertThat(sent.get(0).toString()).isEqualTo("{\"peerId\":\"alice\",\"volume\":-23}");
        assertThat(sent.get(1).toString()).isEqualTo("{\"volume\":-40}");
        assertThat(sent.get(2).toString()).isEqualTo("{\"peerId\":null}");
    }

    @Test
    void downlinkBweIsTheDemosNotification() throws Exception {
        RecordingConnection connection = new RecordingConnection();
        ProtooPeer peer = new ProtooPeer(gateway, connection, "r", "p");
        peer.downlinkBwe(new dev.hongyan.media.bwe.BweTraceInfo("transport-cc", 1_200_000, 1_500_000, 2_345_678));
        JsonNode notification = JSON.readTree(connection.sent.get(0));
        assertThat(notification.path("notification").asBoolean()).isTrue();
        assertThat(notification.path("method").asText()).isEqualTo("downlinkBwe");
        assertThat(notification.path("data")).isEqualTo(JSON.readTree(
                "{\"desiredBitrate\":1200000,\"effectiveDesiredBitrate\":1500000,\"availableBitrate\":2345678}"));
    }

    private static final class RecordingConnection implements Connection {
        final List<String> sent = new CopyOnWriteArrayList<>();
        volatile boolean open = true;
        volatile int closeCode;

        @Override
        public String id() {
            return "c";
        }

        @Override
        public String remoteIp() {
            return "127.0.0.1";
        }

        @Override
        public boolean sendText(String text) {
            return open && sent.add(text);
        }

        @Override
        public void close(int code, String reason) {
            // Recorded only: the replies queued before the close still go out in this fake.
            closeCode = code;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }
    }
}
