package dev.hongyan.gateway.nativeprotocol;

/**
 * @param version sent as {@code header.v}
 * @param serverIndex this node's digit in server message ids (0–9)
 * @param registerTimeoutMillis a connection that has not registered by then is closed
 * @param heartbeatCheckMillis how often silent clients are looked for
 * @param requestTimeoutMillis how long a relayed request waits for the target's answer
 */
public record NativeSettings(String version, int serverIndex, long registerTimeoutMillis, long heartbeatCheckMillis,
        long requestTimeoutMillis) {}
