package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.error.Require;

/** A body naming the terminal a command is for. */
public record TargetBody(String clientId) {

    public TargetBody {
        Require.text(clientId, "clientId", 64);
    }
}
