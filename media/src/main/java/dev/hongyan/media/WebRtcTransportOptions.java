package dev.hongyan.media;

import dev.hongyan.media.bwe.SendSideEstimator;
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
 * @param initialAvailableOutgoingBitrate bits per second the estimate of the path to the endpoint starts from
 *                           (mediasoup's option of that name): what consumers' layers are chosen within until
 *                           the endpoint's feedback moves it
 */
public record WebRtcTransportOptions(int iceConsentTimeout, boolean enableSctp, Map<String, Object> appData,
        long maxIncomingBitrate, long initialAvailableOutgoingBitrate) {

    /** mediasoup-demo's {@code maxIncomingBitrate} is 1.5 Mbit/s; 5 Mbit/s leaves room for 3-layer 720p simulcast. */
    public static final long DEFAULT_MAX_INCOMING_BITRATE = 5_000_000L;
    /** mediasoup's default (mediasoup-demo configures 1 Mbit/s). */
    public static final long DEFAULT_INITIAL_AVAILABLE_OUTGOING_BITRATE = SendSideEstimator.DEFAULT_INITIAL_BITRATE;

    public WebRtcTransportOptions {
        if (iceConsentTimeout < 0) {
            throw new IllegalArgumentException("iceConsentTimeout must not be negative");
        }
        if (maxIncomingBitrate <= 0) {
            throw new IllegalArgumentException("maxIncomingBitrate must be positive");
        }
        if (initialAvailableOutgoingBitrate < SendSideEstimator.DEFAULT_MIN_BITRATE
                || initialAvailableOutgoingBitrate > SendSideEstimator.DEFAULT_MAX_BITRATE) {
            throw new IllegalArgumentException("initialAvailableOutgoingBitrate must be within "
                    + SendSideEstimator.DEFAULT_MIN_BITRATE + ".." + SendSideEstimator.DEFAULT_MAX_BITRATE + " bit/s, not "
                    + initialAvailableOutgoingBitrate);
        }
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    public WebRtcTransportOptions(int iceConsentTimeout, boolean enableSctp, Map<String, Object> appData) {
        this(iceConsentTimeout, enableSctp, appData, DEFAULT_MAX_INCOMING_BITRATE,
                DEFAULT_INITIAL_AVAILABLE_OUTGOING_BITRATE);
    }

    public static WebRtcTransportOptions defaults() {
        return new WebRtcTransportOptions(30, false, Map.of());
    }

    public WebRtcTransportOptions withAppData(Map<String, Object> data) {
        return new WebRtcTransportOptions(iceConsentTimeout, enableSctp, data, maxIncomingBitrate,
                initialAvailableOutgoingBitrate);
    }

    public WebRtcTransportOptions withIceConsentTimeout(int seconds) {
        return new WebRtcTransportOptions(seconds, enableSctp, appData, maxIncomingBitrate,
                initialAvailableOutgoingBitrate);
    }

    public WebRtcTransportOptions withMaxIncomingBitrate(long bitsPerSecond) {
        return new WebRtcTransportOptions(iceConsentTimeout, enableSctp, appData, bitsPerSecond,
                initialAvailableOutgoingBitrate);
    }

    public WebRtcTransportOptions withInitialAvailableOutgoingBitrate(long bitsPerSecond) {
        return new WebRtcTransportOptions(iceConsentTimeout, enableSctp, appData, maxIncomingBitrate, bitsPerSecond);
    }
}
