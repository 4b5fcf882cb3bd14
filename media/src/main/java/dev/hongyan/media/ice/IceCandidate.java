package dev.hongyan.media.ice;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * A local candidate in mediasoup's JSON shape: {@code {foundation, priority, ip, address, protocol, port, type}}.
 * mediasoup-client reads {@code ip} (older) or {@code address} (newer), so both are written, same value.
 * ICE-lite only has host candidates (RFC 8445 §2.5); the host may be an announced (NAT public) address.
 */
@JsonPropertyOrder({"foundation", "priority", "ip", "address", "protocol", "port", "type"})
public record IceCandidate(
        String foundation, long priority, @JsonAlias("address") String ip, String protocol, int port, String type) {

    static final String FOUNDATION = "udpcandidate";

    public IceCandidate {
        Objects.requireNonNull(foundation, "foundation");
        Objects.requireNonNull(ip, "ip");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(type, "type");
    }

    /** A UDP host candidate with the RFC 8445 §5.1.2.1 priority for component 1. */
    public static IceCandidate udpHost(String ip, int port, int localPreference) {
        return new IceCandidate(FOUNDATION, priority(126, localPreference, 1), ip, "udp", port, "host");
    }

    /** (2^24)*type preference + (2^8)*local preference + (256 - component id). */
    static long priority(int typePreference, int localPreference, int componentId) {
        return ((long) typePreference << 24) + ((long) localPreference << 8) + (256 - componentId);
    }

    @JsonProperty(value = "address", access = JsonProperty.Access.READ_ONLY)
    public String address() {
        return ip;
    }
}
