package dev.hongyan.media.ice;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the shared ICE port listens and what it advertises.
 *
 * @param listenIp            address to bind ("0.0.0.0" and "::" need an announced address)
 * @param port                UDP port; 0 picks a free one (see {@link IceServer#port()})
 * @param announcedAddress    IP or host name put in candidates instead of the bound IP (NAT), or null
 * @param sockets             sockets bound to the same port with SO_REUSEPORT, one event loop each, so the
 *                            kernel spreads peers over cores; needs native epoll, otherwise 1 is used
 * @param consentCheckInterval how often consent freshness is swept (the timeout itself is per transport)
 * @param preferNative        use native epoll when available
 */
public record IceServerOptions(String listenIp, int port, String announcedAddress, int sockets,
        Duration consentCheckInterval, boolean preferNative) {

    public IceServerOptions {
        Objects.requireNonNull(listenIp, "listenIp");
        Objects.requireNonNull(consentCheckInterval, "consentCheckInterval");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (sockets < 1) {
            throw new IllegalArgumentException("sockets must be at least 1");
        }
        if (consentCheckInterval.isNegative() || consentCheckInterval.isZero()) {
            throw new IllegalArgumentException("consentCheckInterval must be positive");
        }
        if (announcedAddress != null && announcedAddress.isBlank()) {
            announcedAddress = null;
        }
    }

    public static IceServerOptions of(String listenIp, int port) {
        return new IceServerOptions(listenIp, port, null, 1, Duration.ofSeconds(1), true);
    }

    public IceServerOptions withAnnouncedAddress(String address) {
        return new IceServerOptions(listenIp, port, address, sockets, consentCheckInterval, preferNative);
    }

    public IceServerOptions withSockets(int count) {
        return new IceServerOptions(listenIp, port, announcedAddress, count, consentCheckInterval, preferNative);
    }

    public IceServerOptions withConsentCheckInterval(Duration interval) {
        return new IceServerOptions(listenIp, port, announcedAddress, sockets, interval, preferNative);
    }

    public IceServerOptions withPreferNative(boolean value) {
        return new IceServerOptions(listenIp, port, announcedAddress, sockets, consentCheckInterval, value);
    }
}
