package dev.hongyan.core.media;

import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.Map;

/** A track a peer starts sending on one of its transports. {@code appData} is the client's own. */
public record ProduceRequest(String transportId, MediaKind kind, RtpParameters rtpParameters,
        Map<String, Object> appData) {

    public ProduceRequest {
        appData = appData == null ? Map.of() : appData;
    }
}
