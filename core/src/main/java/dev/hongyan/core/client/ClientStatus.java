package dev.hongyan.core.client;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** A terminal as others see it: identity plus its latest telemetry (spec 001's status object). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientStatus(
        String ip,
        String name,
        String clientId,
        String clientType,
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

    static ClientStatus of(Client client) {
        Telemetry t = client.telemetry();
        return new ClientStatus(client.ip(), client.name(), client.clientId(), client.type().name(),
                t.latitude(), t.longitude(), t.humidity(), t.temperature(), t.signal(), t.battery(),
                t.alarming(), t.charging(), t.clientRecording(), t.serverRecording(), t.lastHeartbeat(),
                t.status(), t.config());
    }
}
