package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.error.Require;

/** A body naming one terminal, optionally. */
public record ClientIdBody(String clientId) {

    public ClientIdBody {
        clientId = Require.optionalText(clientId, "clientId", 64);
    }
}
