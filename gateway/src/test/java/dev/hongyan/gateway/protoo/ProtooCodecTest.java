package dev.hongyan.gateway.protoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.media.PeerDevice;
import dev.hongyan.core.media.PeerInfo;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.ortc.MediaKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

final class ProtooCodecTest {

    private final ProtooCodec codec = new ProtooCodec();

    private ObjectNode json(String text) throws Exception {
        return (ObjectNode) codec.mapper().readTree(text);
    }

    @Test
    void dropsWhatProtooDrops() {
        assertThat(codec.parse("not json")).isEmpty();
        assertThat(codec.parse("[1,2]")).isEmpty();
        assertThat(codec.parse("{\"request\":true,\"id\":\"7\",\"method\":\"join\"}")).as("id not a number").isEmpty();
        assertThat(codec.parse("{\"request\":true,\"id\":7,\"method\":7}")).as("method not a string").isEmpty();
        assertThat(codec.parse("{\"response\":true,\"id\":null,\"ok\":true}")).isEmpty();
        assertThat(codec.parse("{\"notification\":true}")).isEmpty();
        assertThat(codec.parse("{\"id\":1,\"method\":\"join\"}")).as("no kind flag").isEmpty();
    }

    @Test
    void readsRequestsResponsesAndNotifications() {
        ProtooMessage.Request request = (ProtooMessage.Request) codec
                .parse("{\"request\":true,\"id\":1234567,\"method\":\"join\",\"data\":{\"displayName\":\"A\"}}").orElseThrow();
        assertThat(request.id().asLong()).isEqualTo(1234567);
        assertThat(request.method()).isEqualTo("join");
        assertThat(request.data().get("displayName").asText()).isEqualTo("A");
        ProtooMessage.Request noData = (ProtooMessage.Request) codec
                .parse("{\"request\":true,\"id\":1.5,\"method\":\"x\"}").orElseThrow();
        assertThat(noData.data().isEmpty()).isTrue();

        ProtooMessage.Response ok = (ProtooMessage.Response) codec
                .parse("{\"response\":true,\"id\":5,\"ok\":true}").orElseThrow();
        assertThat(ok.ok()).isTrue();
        ProtooMessage.Response error = (ProtooMessage.Response) codec
                .parse("{\"response\":true,\"id\":5,\"errorCode\":403,\"errorReason\":\"I do not want to consume\"}").orElseThrow();
        assertThat(error.ok()).as("a missing ok is an error, as protoo reads it").isFalse();
        assertThat(error.errorCode()).isEqualTo(403);
        assertThat(codec.parse("{\"notification\":true,\"method\":\"hi\"}")).get().isInstanceOf(ProtooMessage.Notification.class);
    }

    @Test
    void writesProtooShapesEchoingTheIdAsSent() throws Exception {
        JsonNode id = codec.mapper().readTree("8765432");
        assertThat(codec.success(id, null)).isEqualTo("{\"response\":true,\"id\":8765432,\"ok\":true,\"data\":{}}");
        assertThat(codec.error(id, 500, "Peer not yet joined"))
                .isEqualTo("{\"response\":true,\"id\":8765432,\"ok\":false,\"errorCode\":500,\"errorReason\":\"Peer not yet joined\"}");
        assertThat(codec.notification("mediasoup-version", Map.of("version", "3.14.16")))
                .isEqualTo("{\"notification\":true,\"method\":\"mediasoup-version\",\"data\":{\"version\":\"3.14.16\"}}");
        assertThat(codec.request(42, "newConsumer", Map.of("id", "c")))
                .isEqualTo("{\"request\":true,\"id\":42,\"method\":\"newConsumer\",\"data\":{\"id\":\"c\"}}");
        // Absent values are left out, as JavaScript's undefined is.
        assertThat(codec.notification("newPeer", new PeerInfo("bob", null, new PeerDevice(null, "Chrome", "120"))))
                .isEqualTo("{\"notification\":true,\"method\":\"newPeer\",\"data\":{\"id\":\"bob\",\"device\":{\"name\":\"Chrome\",\"version\":\"120\"}}}");
    }

    @Test
    void bindsMediasoupShapesWithMediasoupsWording() throws Exception {
        Bodies.Produce produce = codec.bind(json("""
                {"transportId": "t", "kind": "audio", "appData": {"share": true},
                 "rtpParameters": {"codecs": [{"mimeType": "audio/opus", "payloadType": 111, "clockRate": 48000, "channels": 2}],
                                   "encodings": [{"ssrc": 1111}]}}
                """), Bodies.Produce.class);
        assertThat(produce.kind()).isEqualTo(MediaKind.AUDIO);
        assertThat(produce.rtpParameters().codecs()).hasSize(1);
        assertThat(produce.appData()).containsEntry("share", true);

        assertThatThrownBy(() -> codec.bind(json("{\"transportId\":\"t\",\"kind\":\"audio\",\"rtpParameters\":{}}"), Bodies.Produce.class))
                .isInstanceOf(CoreException.class).hasMessage("missing params.codecs");
        assertThatThrownBy(() -> codec.bind(json("{\"transportId\":\"t\",\"kind\":\"smell\",\"rtpParameters\":{}}"), Bodies.Produce.class))
                .isInstanceOf(CoreException.class).hasMessage("invalid kind");
        assertThatThrownBy(() -> codec.bind(json("{\"transportId\":\"t\",\"kind\":\"audio\"}"), Bodies.Produce.class))
                .isInstanceOf(CoreException.class).hasMessage("missing rtpParameters");
        assertThatThrownBy(() -> codec.bind(json("{\"consumerId\":\"c\",\"priority\":\"high\"}"), Bodies.Priority.class))
                .isInstanceOf(CoreException.class).hasMessage("data.priority has the wrong type");

        Bodies.ConnectWebRtcTransport connect = codec.bind(json("""
                {"transportId": "t", "dtlsParameters": {"role": "server", "fingerprints": [{"algorithm": "sha-256", "value": "AA:BB"}]},
                 "iceParameters": {"ignored": true}}
                """), Bodies.ConnectWebRtcTransport.class);
        assertThat(connect.dtlsParameters().role()).isEqualTo(DtlsRole.SERVER);
        assertThatThrownBy(() -> codec.bind(json("{\"transportId\":\"t\",\"dtlsParameters\":{\"role\":\"boss\",\"fingerprints\":[]}}"),
                Bodies.ConnectWebRtcTransport.class)).isInstanceOf(CoreException.class).hasMessage("invalid dtlsParameters.role");
        assertThatThrownBy(() -> codec.bind(json("{\"transportId\":\"t\"}"), Bodies.ConnectWebRtcTransport.class))
                .isInstanceOf(CoreException.class).hasMessage("missing dtlsParameters");
        assertThatThrownBy(() -> codec.bind(json("{\"consumerId\":\"c\",\"priority\":0}"), Bodies.Priority.class))
                .isInstanceOf(CoreException.class).hasMessage("wrong priority");
        assertThatThrownBy(() -> codec.bind(json("{\"consumerId\":\"c\"}"), Bodies.PreferredLayers.class))
                .isInstanceOf(CoreException.class).hasMessage("missing spatialLayer");
    }

    @Test
    void namesAndDevicesEveryPeerWouldBeToldAreCappedAt256Characters() throws Exception {
        String tooLong = "x".repeat(257);
        assertThatThrownBy(() -> codec.bind(json("{\"displayName\":\"" + tooLong + "\"}"), Bodies.Join.class))
                .isInstanceOf(CoreException.class).hasMessage("displayName is longer than 256 characters");
        assertThatThrownBy(() -> codec.bind(json("{\"displayName\":\"" + tooLong + "\"}"), Bodies.DisplayName.class))
                .isInstanceOf(CoreException.class).hasMessage("displayName is longer than 256 characters");
        assertThatThrownBy(() -> codec.bind(json("{\"displayName\":\"A\",\"device\":{\"flag\":\"chrome\",\"name\":\""
                + tooLong + "\"}}"), Bodies.Join.class))
                .isInstanceOf(CoreException.class).hasMessage("device.name is longer than 256 characters");
        assertThat(codec.bind(json("{\"displayName\":\"" + "x".repeat(256) + "\"}"), Bodies.Join.class).displayName()).hasSize(256);
    }
}
