package dev.hongyan.core.media;

import dev.hongyan.media.RouterOptions;
import dev.hongyan.media.WebRtcTransportOptions;

/**
 * How rooms use the engine, and how much of it one client may take.
 *
 * @param router               codecs of every room's router
 * @param iceConsentTimeout    seconds without ICE consent before a transport counts as lost (mediasoup-demo: 20)
 * @param maxIncomingBitrate   bit/s each transport lets its endpoint send (mediasoup's setMaxIncomingBitrate),
 *                             told to senders by REMB
 * @param maxRooms             media rooms (each with its own router) that may exist at once
 * @param maxPeersPerRoom      members of one room, joined or not
 * @param maxTransportsPerPeer WebRTC transports one member may hold, counting those being created
 * @param maxProducersPerPeer  producers one member may hold, counting those being created
 */
public record MediaRoomSettings(RouterOptions router, int iceConsentTimeout, long maxIncomingBitrate,
        int maxRooms, int maxPeersPerRoom, int maxTransportsPerPeer, int maxProducersPerPeer) {

    public static final int DEFAULT_MAX_ROOMS = 1000;
    public static final int DEFAULT_MAX_PEERS_PER_ROOM = 100;
    public static final int DEFAULT_MAX_TRANSPORTS_PER_PEER = 4;
    public static final int DEFAULT_MAX_PRODUCERS_PER_PEER = 16;

    public MediaRoomSettings {
        positive(maxRooms, "maxRooms");
        positive(maxPeersPerRoom, "maxPeersPerRoom");
        positive(maxTransportsPerPeer, "maxTransportsPerPeer");
        positive(maxProducersPerPeer, "maxProducersPerPeer");
    }

    /** The default limits. */
    public MediaRoomSettings(RouterOptions router, int iceConsentTimeout, long maxIncomingBitrate) {
        this(router, iceConsentTimeout, maxIncomingBitrate, DEFAULT_MAX_ROOMS, DEFAULT_MAX_PEERS_PER_ROOM,
                DEFAULT_MAX_TRANSPORTS_PER_PEER, DEFAULT_MAX_PRODUCERS_PER_PEER);
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
        return new MediaRoomSettings(router, iceConsentTimeout, maxIncomingBitrate, maxRooms, maxPeersPerRoom,
                maxTransportsPerPeer, maxProducersPerPeer);
    }

    private static void positive(int value, String name) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, not " + value);
        }
    }
}
