package dev.hongyan.core.media;

/**
 * What a peer says it runs on, as mediasoup-demo's {@code device}: {@code {flag, name, version}}
 * ("chrome", "Chrome", "120"; broadcasters send {@code flag: "broadcaster"}). Informational only.
 */
public record PeerDevice(String flag, String name, String version) {

    public static final PeerDevice UNKNOWN = new PeerDevice(null, null, null);
}
