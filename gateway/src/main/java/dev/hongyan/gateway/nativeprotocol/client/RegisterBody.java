package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.Telemetry;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.Require;
import java.util.Map;
import java.util.regex.Pattern;

/** client::register's body: credentials, identity, and the first telemetry. */
public record RegisterBody(String username, String password, String name, String clientId, String clientType,
        Double latitude, Double longitude, Double humidity, Double temperature, Integer signal, Integer battery,
        Boolean alarming, Boolean charging, Boolean clientRecording, Boolean serverRecording,
        Map<String, Object> status, Map<String, Object> config) {

    /** Printable, no spaces or quotes: ids end up in logs, metrics-free labels and TURN usernames. */
    private static final Pattern CLIENT_ID = Pattern.compile("[A-Za-z0-9_.:@\\-]{1,64}");

    public RegisterBody {
        Require.text(username, "username", 128);
        Require.text(password, "password", 1024);
        Require.text(clientId, "clientId");
        if (!CLIENT_ID.matcher(clientId).matches()) {
            throw CoreException.invalid("clientId must be 1-64 characters of A-Z a-z 0-9 _ . : @ -");
        }
        Require.text(clientType, "clientType");
        name = Require.optionalText(name, "name", 128);
    }

    Telemetry telemetry() {
        return new Telemetry(latitude, longitude, humidity, temperature, signal, battery, alarming, charging,
                clientRecording, serverRecording, null, status, config);
    }
}
