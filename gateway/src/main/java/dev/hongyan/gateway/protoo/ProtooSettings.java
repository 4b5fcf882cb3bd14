package dev.hongyan.gateway.protoo;

/**
 * The {@code protoo:} section of the configuration.
 *
 * @param networkThrottleSecret mediasoup-demo's {@code NETWORK_THROTTLE_SECRET}: {@code applyNetworkThrottle}
 *     and {@code resetNetworkThrottle} are refused (403) unless the request carries this secret. Empty (the
 *     default) refuses them always. Even with the secret they fail: this server does not drive {@code tc}.
 */
public record ProtooSettings(String networkThrottleSecret) {

    public ProtooSettings {
        networkThrottleSecret = networkThrottleSecret == null ? "" : networkThrottleSecret;
    }

    public static ProtooSettings defaults() {
        return new ProtooSettings("");
    }
}
