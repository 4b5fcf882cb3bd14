package dev.hongyan.server;

import dev.hongyan.core.media.MediaRoomSettings;
import dev.hongyan.media.MediaEngineOptions;
import dev.hongyan.media.RouterOptions;
import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.ortc.DefaultMediaCodecs;
import dev.hongyan.media.ortc.RtpCodecCapability;
import dev.hongyan.media.srtp.SrtpProfile;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The {@code media:} section: the SFU engine's one UDP port and the routers' codecs.
 *
 * @param codecs codec names (opus, VP8, VP9, H264): every default variant of each named codec
 *     ({@link DefaultMediaCodecs}), in the defaults' order
 * @param srtpProfiles SRTP profile names (mediasoup's spelling), most preferred first: the one the engine takes
 *     from what a peer offers; empty means {@link DtlsConfig#DEFAULT_SRTP_PROFILES}
 * @param maxIncomingBitrate bit/s a transport lets its endpoint send (mediasoup's setMaxIncomingBitrate),
 *     the REMB value the engine sends to producers' senders
 * @param initialAvailableOutgoingBitrate bit/s each transport's estimate of the path to its endpoint starts from
 *     (mediasoup's option of that name): what consumers' simulcast layers are chosen within until feedback moves it
 * @param maxRooms rooms with a media router at once
 * @param maxPeersPerRoom peers in one media room
 * @param maxTransportsPerPeer WebRTC transports one peer may hold
 * @param maxProducersPerPeer producers one peer may hold
 */
record MediaSettings(String listenIp, int udpPort, String announcedIp, List<String> codecs,
        List<String> srtpProfiles, long maxIncomingBitrate, long initialAvailableOutgoingBitrate, int maxRooms,
        int maxPeersPerRoom, int maxTransportsPerPeer, int maxProducersPerPeer) {

    MediaEngineOptions engineOptions() {
        MediaEngineOptions options = MediaEngineOptions.of(listenIp, udpPort);
        options = options.withDtls(options.dtls().withSrtpProfiles(srtpProfilePreference()));
        String announced = announcedIp == null || announcedIp.isBlank() ? wildcardFallback() : announcedIp.trim();
        return announced == null ? options : options.withAnnouncedAddress(announced);
    }

    /**
     * The configured profiles in order. AES-GCM is what browsers and mediasoup prefer, but the JDK's GCM
     * allocates about a kilobyte per packet (its per-packet init) where AES_CM allocates about 150 bytes, at
     * similar CPU: an operator may trade.
     */
    List<SrtpProfile> srtpProfilePreference() {
        if (srtpProfiles == null || srtpProfiles.isEmpty()) {
            return DtlsConfig.DEFAULT_SRTP_PROFILES;
        }
        List<SrtpProfile> chosen = new ArrayList<>();
        for (String name : srtpProfiles) {
            SrtpProfile profile = Arrays.stream(SrtpProfile.values())
                    .filter(p -> p.name().equalsIgnoreCase(name.trim()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("media.srtpProfiles: unknown profile \"" + name
                            + "\" (one of " + Arrays.toString(SrtpProfile.values()) + ")"));
            if (chosen.contains(profile)) {
                throw new IllegalArgumentException("media.srtpProfiles names " + profile + " twice");
            }
            chosen.add(profile);
        }
        return chosen;
    }

    /**
     * How rooms use the engine: {@link #routerOptions()}, mediasoup-demo's 20 s ICE consent timeout, the
     * bitrates and limits above.
     */
    MediaRoomSettings roomSettings() {
        RouterOptions router = routerOptions();
        try {
            return new MediaRoomSettings(router, 20, maxIncomingBitrate, initialAvailableOutgoingBitrate, maxRooms,
                    maxPeersPerRoom, maxTransportsPerPeer, maxProducersPerPeer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media." + e.getMessage(), e); // names the key, as the file spells it
        }
    }

    RouterOptions routerOptions() {
        List<RtpCodecCapability> chosen = new ArrayList<>();
        List<String> names = codecs == null ? List.of() : codecs.stream().map(n -> n.trim().toLowerCase(Locale.ROOT)).toList();
        for (RtpCodecCapability codec : DefaultMediaCodecs.get()) {
            if (names.contains(codec.mimeType().substring(codec.mimeType().indexOf('/') + 1).toLowerCase(Locale.ROOT))) {
                chosen.add(codec);
            }
        }
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException("media.codecs names no known codec (opus, VP8, VP9, H264): " + codecs);
        }
        return new RouterOptions(chosen, java.util.Map.of());
    }

    /**
     * A wildcard listen address is nothing a peer can reach, so ICE candidates need a real one: without
     * an announced IP we take this host's first non-loopback IPv4 address (right on a LAN; set
     * announcedIp behind NAT).
     */
    private String wildcardFallback() {
        if (!"0.0.0.0".equals(listenIp) && !"::".equals(listenIp)) {
            return null;
        }
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLinkLocalAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
        } catch (SocketException e) {
            // fall through to loopback
        }
        return "127.0.0.1";
    }
}
