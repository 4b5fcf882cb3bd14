package dev.hongyan.core.media;

import dev.hongyan.media.RouterOptions;
import dev.hongyan.media.WebRtcTransportOptions;
import java.util.Map;

/**
 * How rooms use the engine, and how much of it one client may take.
 *
 * @param router               codecs of every room's router
 * @param iceConsentTimeout    seconds without ICE consent before a transport counts as lost (mediasoup-demo: 20)
 * @param maxIncomingBitrate   bit/s each transport lets its endpoint send (mediasoup's setMaxIncomingBitrate),
 *                             told to senders by REMB
 * @param initialAvailableOutgoingBitrate bit/s each transport's estimate of the path to its endpoint starts
 *                             from (mediasoup's option of that name): the budget consumers' layers start within
 * @param maxRooms             media rooms (each with its own router) that may exist at once
 * @param maxPeersPerRoom      members of one room, joined or not
 * @param maxTransportsPerPeer WebRTC transports one member may hold, counting those being created
 * @param maxProducersPerPeer  producers one member may hold, counting those being created
 */
public record MediaRoomSettings(RouterOptions router, int iceConsentTimeout, long maxIncomingBitrate,
        long initialAvailableOutgoingBitrate, int maxRooms, int maxPeersPerRoom, int maxTransportsPerPeer,
        int maxProducersPerPeer) {

    public static final int DEFAULT_MAX_ROOMS = 1000;
    public static final int DEFAULT_MAX_PEERS_PER_ROOM = 100;
    public static final int DEFAULT_MAX_TRANSPORTS_PER_PEER = 4;
    public static final int DEFAULT_MAX_PRODUCERS_PER_PEER = 16;

    public MediaRoomSettings {
        positive(maxRooms, "maxRooms");
        positive(maxPeersPerRoom, "maxPeersPerRoom");
        positive(maxTransportsPerPeer, "maxTransportsPerPeer");
        positive(maxProducersPerPeer, "maxProducersPerPeer");
        // The transport options' own checks (bitrates within the engine's range), at start-up rather than at
        // each member's first transport.
        new WebRtcTransportOptions(iceConsentTimeout, false, Map.of(), maxIncomingBitrate,
                initialAvailableOutgoingBitrate);
    }

    /** The default limits. */
    public MediaRoomSettings(RouterOptions router, int iceConsentTimeout, long maxIncomingBitrate) {
        this(router, iceConsentTimeout, maxIncomingBitrate,
                WebRtcTransportOptions.DEFAULT_INITIAL_AVAILABLE_OUTGOING_BITRATE, DEFAULT_MAX_ROOMS,
                DEFAULT_MAX_PEERS_PER_ROOM, DEFAULT_MAX_TRANSPORTS_PER_PEER, DEFAULT_MAX_PRODUCERS_PER_PEER);
    }

    public MediaRoomSettings(RouterOptions router, int iceConsentTimeout) {
        this(router, iceConsentTimeout, WebRtcTransportOptions.DEFAULT_MAX_INCOMING_BITRATE);
    }

    public static MediaRoomSettings defaults() {
        return new MediaRoomSettings(RouterOptions.defaults(), 20);
    }

    /** The same settings with other limits. */
    public MediaRoomSettings withLimits(int maxRooms, int maxPeersPerRoom, int maxTransportsPerPeer,
            int maxProducersPerPeer) {
        return new MediaRoomSettings(router, iceConsentTimeout, maxIncomingBitrate, initialAvailableOutgoingBitrate,
                maxRooms, maxPeersPerRoom, maxTransportsPerPeer, maxProducersPerPeer);
    }

    /** The same settings with another start for transports' outgoing estimates. */
    public MediaRoomSettings withInitialAvailableOutgoingBitrate(long bitsPerSecond) {
        return new MediaRoomSettings(router, iceConsentTimeout, maxIncomingBitrate, bitsPerSecond, maxRooms,
                maxPeersPerRoom, maxTransportsPerPeer, maxProducersPerPeer);
    }

    /** The transport options every member's WebRTC transports are made with, bar their app data. */
    public WebRtcTransportOptions transportOptions() {
        return new WebRtcTransportOptions(iceConsentTimeout, false, Map.of(), maxIncomingBitrate,
                initialAvailableOutgoingBitrate);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }
}
