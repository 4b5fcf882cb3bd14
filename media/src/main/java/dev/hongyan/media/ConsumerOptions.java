package dev.hongyan.media;

import dev.hongyan.media.ortc.RtpCapabilities;
import java.util.Map;
import java.util.Objects;

/**
 * mediasoup's {@code ConsumerOptions}.
 *
 * @param producerId      the producer to consume (same router)
 * @param rtpCapabilities what the consuming endpoint can receive
 * @param paused          start paused (mediasoup recommends true: resume once the client has set up its
 *                        side, which also triggers a keyframe request)
 * @param mid             the MID to use, or null to take the transport's next one ("0", "1", ...)
 * @param preferredLayers for simulcast/SVC: the layers to aim for, or null for the highest
 * @param enableRtx       offer RTX to the consumer when both sides support it
 * @param ignoreDtx       accepted for mediasoup compatibility; DTX packets are forwarded either way
 * @param appData         free application data
 */
public record ConsumerOptions(String producerId, RtpCapabilities rtpCapabilities, boolean paused, String mid,
        ConsumerLayers preferredLayers, boolean enableRtx, boolean ignoreDtx, Map<String, Object> appData) {

    public ConsumerOptions {
        Objects.requireNonNull(producerId, "producerId");
        Objects.requireNonNull(rtpCapabilities, "rtpCapabilities");
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    /** Paused, RTX enabled, no preferred layers: what mediasoup-demo asks for. */
    public static ConsumerOptions of(String producerId, RtpCapabilities rtpCapabilities) {
        return new ConsumerOptions(producerId, rtpCapabilities, true, null, null, true, false, Map.of());
    }

    public ConsumerOptions withPaused(boolean value) {
        return new ConsumerOptions(producerId, rtpCapabilities, value, mid, preferredLayers, enableRtx, ignoreDtx,
                appData);
    }

    public ConsumerOptions withPreferredLayers(ConsumerLayers layers) {
        return new ConsumerOptions(producerId, rtpCapabilities, paused, mid, layers, enableRtx, ignoreDtx, appData);
    }

    public ConsumerOptions withEnableRtx(boolean value) {
        return new ConsumerOptions(producerId, rtpCapabilities, paused, mid, preferredLayers, value, ignoreDtx,
                appData);
    }

    public ConsumerOptions withAppData(Map<String, Object> data) {
        return new ConsumerOptions(producerId, rtpCapabilities, paused, mid, preferredLayers, enableRtx, ignoreDtx,
                data);
    }
}
