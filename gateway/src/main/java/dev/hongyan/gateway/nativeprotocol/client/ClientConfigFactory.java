package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.turn.TurnCredentials;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The body of client::config: media presets from configuration, the WebRTC iceServers (STUN, and TURN
 * with fresh short-lived credentials when a TURN secret is configured) and the server time.
 */
public final class ClientConfigFactory {

    private final Map<String, Object> media;
    private final List<String> stunUrls;
    private final Optional<TurnCredentials> turn;
    private final ClientService clients;

    public ClientConfigFactory(Map<String, Object> media, List<String> stunUrls, Optional<TurnCredentials> turn,
            ClientService clients) {
        this.media = Map.copyOf(media);
        this.stunUrls = List.copyOf(stunUrls);
        this.turn = turn;
        this.clients = clients;
    }

    public Map<String, Object> configFor(Client client) {
        List<Object> iceServers = new ArrayList<>();
        if (!stunUrls.isEmpty()) {
            iceServers.add(Map.of("urls", stunUrls));
        }
        turn.ifPresent(credentials -> iceServers.add(credentials.issue(client.clientId())));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("media", media);
        config.put("webrtc", Map.of("iceServers", iceServers));
        config.put("datetime", clients.now());
        return config;
    }
}
