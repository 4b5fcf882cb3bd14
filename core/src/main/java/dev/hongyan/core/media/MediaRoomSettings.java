package dev.hongyan.core.media;

import dev.hongyan.media.RouterOptions;

/**
 * How rooms use the engine.
 *
 * @param router             codecs of every room's router
 * @param iceConsentTimeout  seconds without ICE consent before a transport counts as lost (mediasoup-demo: 20)
 */
public record MediaRoomSettings(RouterOptions router, int iceConsentTimeout) {

    public static MediaRoomSettings defaults() {
        return new MediaRoomSettings(RouterOptions.defaults(), 20);
    }
}
