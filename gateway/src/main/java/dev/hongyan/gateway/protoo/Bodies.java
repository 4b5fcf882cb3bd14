package dev.hongyan.gateway.protoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.media.JoinRequest;
import dev.hongyan.core.media.PeerDevice;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpCapabilities;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.Map;

/**
 * The request {@code data} of every protoo method, as typed records. mediasoup-demo reads fields without
 * checking them; where a missing id would only lead to "not found", it is left to that lookup so the
 * error reads as the demo's does. Missing RTP/DTLS parameters are refused with mediasoup's TypeError wording.
 */
final class Bodies {

    private Bodies() {}

    record Empty() {}

    /** {@code sctpCapabilities} is accepted and ignored: there is no SCTP yet. */
    record Join(String displayName, PeerDevice device, RtpCapabilities rtpCapabilities, JsonNode sctpCapabilities) {
        Join {
            JoinRequest.displayName(displayName);
        }
    }

    record CreateWebRtcTransport(Boolean forceTcp, Boolean producing, Boolean consuming, JsonNode sctpCapabilities) {
        boolean wantsSctp() {
            return sctpCapabilities != null && !sctpCapabilities.isNull();
        }
    }

    /** The demo app also sends iceParameters here; mediasoup ignores them, so do we. */
    record ConnectWebRtcTransport(String transportId, DtlsParameters dtlsParameters) {
        ConnectWebRtcTransport {
            if (dtlsParameters == null) {
                throw CoreException.invalid("missing dtlsParameters");
            }
        }
    }

    record TransportId(String transportId) {}

    record Produce(String transportId, MediaKind kind, RtpParameters rtpParameters, Map<String, Object> appData) {
        Produce {
            if (kind == null) {
                throw CoreException.invalid("missing kind");
            }
            if (rtpParameters == null) {
                throw CoreException.invalid("missing rtpParameters");
            }
        }
    }

    record ProducerId(String producerId) {}

    record ConsumerId(String consumerId) {}

    record PreferredLayers(String consumerId, Integer spatialLayer, Integer temporalLayer) {
        PreferredLayers {
            if (spatialLayer == null) {
                throw CoreException.invalid("missing spatialLayer");
            }
            if (spatialLayer < 0 || (temporalLayer != null && temporalLayer < 0)) {
                throw CoreException.invalid("wrong spatialLayer or temporalLayer");
            }
        }
    }

    record Priority(String consumerId, Integer priority) {
        Priority {
            if (priority == null || priority < 1 || priority > 255) {
                throw CoreException.invalid("wrong priority");
            }
        }
    }

    record ProduceData(String transportId, JsonNode sctpStreamParameters, String label, String protocol,
            Map<String, Object> appData) {}

    record DisplayName(String displayName) {
        DisplayName {
            JoinRequest.displayName(displayName);
        }
    }

    record DataProducerId(String dataProducerId) {}

    record DataConsumerId(String dataConsumerId) {}

    record Throttle(String secret, JsonNode uplink, JsonNode downlink, JsonNode rtt, JsonNode packetLoss) {}
}
