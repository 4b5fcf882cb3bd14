package dev.hongyan.core.media;

import dev.hongyan.core.error.Require;

/**
 * What a peer says it runs on, as mediasoup-demo's {@code device}: {@code {flag, name, version}}
 * ("chrome", "Chrome", "120"; broadcasters send {@code flag: "broadcaster"}). Informational only, but
 * shown to every other member, so each field is at most {@link #MAX_FIELD} characters.
 */
public record PeerDevice(String flag, String name, String version) {

    public static final int MAX_FIELD = 256;

    public static final PeerDevice UNKNOWN = new PeerDevice(null, null, null);

    public PeerDevice {
        Require.maxLength(flag, "device.flag", MAX_FIELD);
        Require.maxLength(name, "device.name", MAX_FIELD);
        Require.maxLength(version, "device.version", MAX_FIELD);
    }
}
