package dev.hongyan.media;

import java.util.Map;

/**
 * mediasoup's {@code WebRtcTransportOptions}, the parts that mean something on a shared-port ICE-lite
 * engine. Every transport uses the engine's one UDP port (mediasoup's {@code webRtcServer}).
 *
 * @param iceConsentTimeout  seconds without a consent check before ICE goes {@code disconnected}
 *                           (mediasoup's default 30; mediasoup-demo uses 20); 0 turns the check off
 * @param enableSctp         data channels; not supported yet, so true is refused
 * @param appData            free application data, returned by {@link WebRtcTransport#appData()}
 * @param maxIncomingBitrate bits per second the endpoint may send in all (mediasoup's
 *                           {@code setMaxIncomingBitrate}): the value of the REMB sent to video
 *                           producers' senders, a ceiling on the estimate our transport-cc feedback drives
 */
public record WebRtcTransportOptions(int iceConsentTimeout, boolean enableSctp, Map<String, Object> appData,
        long maxIncomingBitrate) {

    /** mediasoup-demo's {@code maxIncomingBitrate} is 1.5 Mbit/s; 5 Mbit/s leaves room for 3-layer 720p simulcast. */
    public static final long DEFAULT_MAX_INCOMING_BITRATE = 5_000_000L;

    public WebRtcTransportOptions {
        if (iceConsentTimeout < 0) {
            throw new IllegalArgumentException("iceConsentTimeout must not be negative");
        }
        if (maxIncomingBitrate <= 0) {
            throw new IllegalArgumentException("maxIncomingBitrate must be positive");
        }
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    public WebRtcTransportOptions(int iceConsentTimeout, boolean enableSctp, Map<String, Object> appData) {
        this(iceConsentTimeout, enableSctp, appData, DEFAULT_MAX_INCOMING_BITRATE);
    }

    public static WebRtcTransportOptions defaults() {
        return new WebRtcTransportOptions(30, false, Map.of());
    }

    public WebRtcTransportOptions withAppData(Map<String, Object> data) {
        return new WebRtcTransportOptions(iceConsentTimeout, enableSctp, data, maxIncomingBitrate);
    }

    public WebRtcTransportOptions withIceConsentTimeout(int seconds) {
        return new WebRtcTransportOptions(seconds, enableSctp, appData, maxIncomingBitrate);
    }

    public WebRtcTransportOptions withMaxIncomingBitrate(long bitsPerSecond) {
        return new WebRtcTransportOptions(iceConsentTimeout, enableSctp, appData, bitsPerSecond);
    }
}
