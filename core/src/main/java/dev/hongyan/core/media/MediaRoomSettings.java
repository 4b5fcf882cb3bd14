package dev.hongyan.core.media;

import dev.hongyan.media.RouterOptions;
import dev.hongyan.media.WebRtcTransportOptions;

/**
 * How rooms use the engine.
 *
 * @param router             codecs of every room's router
 * @param iceConsentTimeout  seconds without ICE consent before a transport counts as lost (mediasoup-demo: 20)
 * @param maxIncomingBitrate bit/s each transport lets its endpoint send (mediasoup's setMaxIncomingBitrate),
 *                           told to senders by REMB
 */
public record MediaRoomSettings(RouterOptions router, int iceConsentTimeout, long maxIncomingBitrate) {

    public MediaRoomSettings(RouterOptions router, int iceConsentTimeout) {
        this(router, iceConsentTimeout, WebRtcTransportOptions.DEFAULT_MAX_INCOMING_BITRATE);
    }

    public static MediaRoomSettings defaults() {
        return new MediaRoomSettings(RouterOptions.defaults(), 20);
    }
}
