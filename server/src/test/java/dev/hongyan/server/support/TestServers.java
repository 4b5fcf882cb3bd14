package dev.hongyan.server.support;

import dev.hongyan.server.ServerSettings;
import dev.hongyan.server.config.Config;
import java.net.http.HttpClient;
import java.util.Map;

/** Settings for servers under test: loopback, an ephemeral port, small limits that tests reach quickly. */
public final class TestServers {

    private TestServers() {}

    public static ServerSettings settings() {
        return ServerSettings.from(Config.fromYaml("""
                http:
                  host: 127.0.0.1
                  port: 0
                  maxBodyBytes: 1024
                limits:
                  maxFrameBytes: 1024
                  messagesPerSecond: 1000
                  messageBurst: 1000
                  writeBufferHighWaterBytes: 65536
                  writeBufferLowWaterBytes: 32768
                shutdown:
                  graceMillis: 300
                """, Map.of()));
    }

    public static ServerSettings.Limits limits(int maxFrameBytes, int perSecond, int burst, int maxConnections) {
        return new ServerSettings.Limits(maxFrameBytes, perSecond, burst, 65536, 32768, maxConnections);
    }

    public static HttpClient http() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    }
}
