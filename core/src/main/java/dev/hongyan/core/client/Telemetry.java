package dev.hongyan.core.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.hongyan.core.error.Require;
import java.util.Map;

/**
 * What a terminal reports about itself on register and with every heartbeat. Every field is
 * optional; a heartbeat changes only the fields it carries.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Telemetry(
        Double latitude,
        Double longitude,
        Double humidity,
        Double temperature,
        Integer signal,
        Integer battery,
        Boolean alarming,
        Boolean charging,
        Boolean clientRecording,
        Boolean serverRecording,
        String lastHeartbeat,
        Map<String, Object> status,
        Map<String, Object> config) {

    public static final Telemetry EMPTY =
            new Telemetry(null, null, null, null, null, null, null, null, null, null, null, null, null);

    public Telemetry {
        Require.range(latitude, "latitude", -90, 90);
        Require.range(longitude, "longitude", -180, 180);
        Require.range(signal, "signal", 0, 100);
        Require.range(battery, "battery", 0, 100);
        status = status == null ? null : Map.copyOf(withoutNullValues(status));
        config = config == null ? null : Map.copyOf(withoutNullValues(config));
    }

    /** This telemetry with every non-null field of {@code update} applied. */
    public Telemetry merge(Telemetry update) {
        return new Telemetry(
                pick(update.latitude, latitude),
                pick(update.longitude, longitude),
                pick(update.humidity, humidity),
                pick(update.temperature, temperature),
                pick(update.signal, signal),
                pick(update.battery, battery),
                pick(update.alarming, alarming),
                pick(update.charging, charging),
                pick(update.clientRecording, clientRecording),
                pick(update.serverRecording, serverRecording),
                pick(update.lastHeartbeat, lastHeartbeat),
                pick(update.status, status),
                pick(update.config, config));
    }

    public Telemetry withLastHeartbeat(String timestamp) {
        return merge(new Telemetry(null, null, null, null, null, null, null, null, null, null, timestamp, null, null));
    }

    private static <T> T pick(T update, T current) {
        return update != null ? update : current;
    }

    private static Map<String, Object> withoutNullValues(Map<String, Object> map) {
        // Immutable maps throw on containsValue(null), so look without asking them.
        boolean hasNull = false;
        for (Object value : map.values()) {
            hasNull |= value == null;
        }
        if (!hasNull) {
            return map;
        }
        java.util.HashMap<String, Object> copy = new java.util.HashMap<>(map);
        copy.values().removeIf(java.util.Objects::isNull);
        return copy;
    }
}
