package dev.hongyan.core.client;

/** What a terminal presents to come online. Validated by the gateway's body record. */
public record RegisterCommand(String username, String password, String clientId, String clientType, String name,
        Telemetry telemetry) {}
