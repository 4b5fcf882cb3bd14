package dev.hongyan.server;

import dev.hongyan.server.config.Config;
import dev.hongyan.server.config.ConfigException;

/**
 * What the network server needs from the configuration: the {@code http}, {@code limits} and
 * {@code shutdown} sections of {@code hongyan.yml}.
 */
public record ServerSettings(Http http, Limits limits, Shutdown shutdown) {

    public ServerSettings {
        if (limits.writeBufferLowWaterBytes() > limits.writeBufferHighWaterBytes()) {
            throw new ConfigException("limits.writeBufferLowWaterBytes must not exceed limits.writeBufferHighWaterBytes");
        }
    }

    public static ServerSettings from(Config config) {
        return new ServerSettings(config.bind("http", Http.class), config.bind("limits", Limits.class),
                config.bind("shutdown", Shutdown.class));
    }

    public static ServerSettings defaults() {
        return from(Config.defaults());
    }

    public ServerSettings withHttp(Http http) {
        return new ServerSettings(http, limits, shutdown);
    }

    public ServerSettings withLimits(Limits limits) {
        return new ServerSettings(http, limits, shutdown);
    }

    public ServerSettings withShutdown(Shutdown shutdown) {
        return new ServerSettings(http, limits, shutdown);
    }

    public record Http(String host, int port, Tls tls, boolean trustProxyHeaders, int maxBodyBytes) {
        public Http {
            require(port >= 0 && port <= 65535, "http.port must be 0..65535");
            require(maxBodyBytes > 0, "http.maxBodyBytes must be positive");
            require(host != null && !host.isBlank(), "http.host must be set");
        }

        public Http withPort(int newPort) {
            return new Http(host, newPort, tls, trustProxyHeaders, maxBodyBytes);
        }

        public Http withHost(String newHost) {
            return new Http(newHost, port, tls, trustProxyHeaders, maxBodyBytes);
        }

        public Http withTls(Tls newTls) {
            return new Http(host, port, newTls, trustProxyHeaders, maxBodyBytes);
        }
    }

    public record Tls(boolean enabled, String certificateChain, String privateKey, String keyStore, String keyStorePassword) {
        public Tls {
            certificateChain = nullToEmpty(certificateChain);
            privateKey = nullToEmpty(privateKey);
            keyStore = nullToEmpty(keyStore);
            keyStorePassword = nullToEmpty(keyStorePassword);
        }

        @Override
        public String toString() {
            return "Tls[enabled=" + enabled + ", certificateChain=" + certificateChain + ", privateKey=" + privateKey
                    + ", keyStore=" + keyStore + ", keyStorePassword=***]";
        }
    }

    public record Limits(int maxFrameBytes, int messagesPerSecond, int messageBurst, int writeBufferHighWaterBytes,
            int writeBufferLowWaterBytes, int maxConnections) {
        public Limits {
            require(maxFrameBytes > 0, "limits.maxFrameBytes must be positive");
            require(messagesPerSecond > 0, "limits.messagesPerSecond must be positive");
            require(messageBurst > 0, "limits.messageBurst must be positive");
            require(writeBufferHighWaterBytes > 0, "limits.writeBufferHighWaterBytes must be positive");
            require(writeBufferLowWaterBytes > 0, "limits.writeBufferLowWaterBytes must be positive");
            require(maxConnections > 0, "limits.maxConnections must be positive");
        }
    }

    public record Shutdown(long graceMillis) {
        public Shutdown {
            require(graceMillis >= 0, "shutdown.graceMillis must not be negative");
        }
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new ConfigException(message);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
