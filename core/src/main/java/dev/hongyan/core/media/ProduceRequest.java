package dev.hongyan.core.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.Map;

/**
 * A track a peer starts sending on one of its transports. {@code appData} is the client's own; it is
 * handed to every consumer of the track, so it is capped at {@link #MAX_APP_DATA_ENTRIES} top-level
 * entries and {@link #MAX_APP_DATA_BYTES} bytes of JSON.
 */
public record ProduceRequest(String transportId, MediaKind kind, RtpParameters rtpParameters,
        Map<String, Object> appData) {

    public static final int MAX_APP_DATA_ENTRIES = 32;
    public static final int MAX_APP_DATA_BYTES = 4096;

    private static final ObjectMapper JSON = new ObjectMapper();

    public ProduceRequest {
        appData = appData == null ? Map.of() : appData;
        if (appData.size() > MAX_APP_DATA_ENTRIES) {
            throw CoreException.invalid("appData has more than " + MAX_APP_DATA_ENTRIES + " entries");
        }
        int bytes;
        try {
            bytes = JSON.writeValueAsBytes(appData).length;
        } catch (JsonProcessingException e) {
            throw CoreException.invalid("appData is not JSON");
        }
        if (bytes > MAX_APP_DATA_BYTES) {
            throw CoreException.invalid("appData is larger than " + MAX_APP_DATA_BYTES + " bytes as JSON");
        }
    }
}
