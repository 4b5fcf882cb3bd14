package dev.hongyan.media;

import java.util.Map;

/**
 * mediasoup's {@code WebRtcTransportOptions}, the parts that mean something on a shared-port ICE-lite
 * engine. Every transport uses the engine's one UDP port (mediasoup's {@code webRtcServer}).
 *
 * @param iceConsentTimeout seconds without a consent check before ICE goes {@code disconnected}
 *                          (mediasoup's default 30; mediasoup-demo uses 20); 0 turns the check off
 * @param enableSctp        data channels; not supported yet, so true is refused
 * @param appData           free application data, returned by {@link WebRtcTransport#appData()}
 */
public record WebRtcTransportOptions(int iceConsentTimeout, boolean enableSctp, Map<String, Object> appData) {

    public WebRtcTransportOptions {
        if (iceConsentTimeout < 0) {
            throw new IllegalArgumentException("iceConsentTimeout must not be negative");
        }
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    public static WebRtcTransportOptions defaults() {
        return new WebRtcTransportOptions(30, false, Map.of());
    }

    public WebRtcTransportOptions withAppData(Map<String, Object> data) {
        return new WebRtcTransportOptions(iceConsentTimeout, enableSctp, data);
    }

    public WebRtcTransportOptions withIceConsentTimeout(int seconds) {
        return new WebRtcTransportOptions(seconds, enableSctp, appData);
    }
}
