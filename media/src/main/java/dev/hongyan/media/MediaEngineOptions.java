package dev.hongyan.media;

import dev.hongyan.media.dtls.DtlsConfig;
import java.time.Duration;
import java.util.Objects;

/**
 * What one engine (mediasoup's Worker plus its WebRtcServer) needs: where its single UDP port listens,
 * what it announces, DTLS settings and RTCP pacing.
 *
 * @param listenIp         address to bind the engine's UDP port to
 * @param port             UDP port; 0 picks a free one ({@link MediaEngine#port()})
 * @param announcedAddress the address put in ICE candidates instead of {@code listenIp} (NAT), or null
 * @param dtls             DTLS settings (SRTP profiles, handshake limits)
 * @param rtcpInterval     how often receiver reports go to producers and sender reports to consumers
 * @param measureLatency   time every forwarded copy from socket read to socket write
 *                         ({@link MediaEngine#forwardingMetrics}); off by default, as it costs a clock read and
 *                         two histogram updates per copy, which only benchmarks want
 */
public record MediaEngineOptions(String listenIp, int port, String announcedAddress, DtlsConfig dtls,
        Duration rtcpInterval, boolean measureLatency) {

    public MediaEngineOptions {
        Objects.requireNonNull(listenIp, "listenIp");
        Objects.requireNonNull(dtls, "dtls");
        Objects.requireNonNull(rtcpInterval, "rtcpInterval");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (rtcpInterval.isNegative() || rtcpInterval.isZero()) {
            throw new IllegalArgumentException("rtcpInterval must be positive");
        }
    }

    /** Loopback on a free port: what tests and benchmarks use. */
    public static MediaEngineOptions loopback() {
        return of("127.0.0.1", 0);
    }

    public static MediaEngineOptions of(String listenIp, int port) {
        return new MediaEngineOptions(listenIp, port, null, DtlsConfig.defaults(), Duration.ofSeconds(1), false);
    }

    public MediaEngineOptions withAnnouncedAddress(String address) {
        return new MediaEngineOptions(listenIp, port, address, dtls, rtcpInterval, measureLatency);
    }

    public MediaEngineOptions withDtls(DtlsConfig config) {
        return new MediaEngineOptions(listenIp, port, announcedAddress, config, rtcpInterval, measureLatency);
    }

    public MediaEngineOptions withRtcpInterval(Duration interval) {
        return new MediaEngineOptions(listenIp, port, announcedAddress, dtls, interval, measureLatency);
    }

    public MediaEngineOptions withLatencyMeasured(boolean measure) {
        return new MediaEngineOptions(listenIp, port, announcedAddress, dtls, rtcpInterval, measure);
    }
}
