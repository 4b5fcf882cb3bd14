package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Engine-wide DTLS settings.
 *
 * @param srtpProfiles              SRTP profiles we offer (client) or accept (server), most preferred first
 * @param handshakeTimeout          from {@link DtlsTransport#start} to connected; includes waiting for the
 *                                  remote's first flight and for a free handshake thread
 * @param maxConcurrentHandshakes   handshake threads; each handshake in flight holds one (bctls blocks)
 * @param maxQueuedHandshakes       handshakes waiting for a thread; beyond this a transport fails at once
 * @param mtu                       largest datagram we send; bctls fragments handshake messages to fit
 * @param requireExtendedMasterSecret refuse peers without RFC 7627 EMS; every current browser sends it
 */
public record DtlsConfig(
        List<SrtpProfile> srtpProfiles,
        Duration handshakeTimeout,
        int maxConcurrentHandshakes,
        int maxQueuedHandshakes,
        int mtu,
        boolean requireExtendedMasterSecret) {

    /** What browsers negotiate today first, then the mandatory-to-implement profile (RFC 8827). */
    public static final List<SrtpProfile> DEFAULT_SRTP_PROFILES =
            List.of(SrtpProfile.AEAD_AES_128_GCM, SrtpProfile.AES_CM_128_HMAC_SHA1_80);

    public DtlsConfig {
        srtpProfiles = List.copyOf(Objects.requireNonNull(srtpProfiles, "srtpProfiles"));
        if (srtpProfiles.isEmpty() || srtpProfiles.stream().distinct().count() != srtpProfiles.size()) {
            throw new IllegalArgumentException("srtpProfiles must be non-empty and without duplicates");
        }
        Objects.requireNonNull(handshakeTimeout, "handshakeTimeout");
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero() || handshakeTimeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("handshakeTimeout out of range: " + handshakeTimeout);
        }
        if (maxConcurrentHandshakes < 1 || maxQueuedHandshakes < 0) {
            throw new IllegalArgumentException("handshake limits out of range");
        }
        // 576 is the IPv4 minimum reassembly size; above 1500 nothing on the Internet would carry it.
        if (mtu < 576 || mtu > 1500) {
            throw new IllegalArgumentException("mtu out of range: " + mtu);
        }
    }

    /** 1200-byte datagrams fit any path with IPv6 minimum MTU after IP/UDP/TURN overhead. */
    public static DtlsConfig defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new DtlsConfig(DtlsConfig.DEFAULT_SRTP_PROFILES, Duration.ofSeconds(30),
                Math.max(2, 2 * cores), 1024, 1200, true);
    }

    public DtlsConfig withSrtpProfiles(List<SrtpProfile> profiles) {
        return new DtlsConfig(profiles, handshakeTimeout, maxConcurrentHandshakes, maxQueuedHandshakes, mtu,
                requireExtendedMasterSecret);
    }

    public DtlsConfig withHandshakeTimeout(Duration timeout) {
        return new DtlsConfig(srtpProfiles, timeout, maxConcurrentHandshakes, maxQueuedHandshakes, mtu,
                requireExtendedMasterSecret);
    }

    public DtlsConfig withHandshakeLimits(int maxConcurrent, int maxQueued) {
        return new DtlsConfig(srtpProfiles, handshakeTimeout, maxConcurrent, maxQueued, mtu,
                requireExtendedMasterSecret);
    }
}
