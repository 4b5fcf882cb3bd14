package dev.hongyan.media;

import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.Map;
import java.util.Objects;

/**
 * mediasoup's {@code ProducerOptions}.
 *
 * @param id                   a producer id chosen by the caller (mediasoup allows it for pipes), or null for a fresh UUID
 * @param kind                 audio or video
 * @param rtpParameters        what the endpoint will send (parse with {@code RtpJson.parseRtpParameters})
 * @param paused               start paused: nothing is forwarded until {@link Producer#resume()}
 * @param keyFrameRequestDelay milliseconds during which repeated keyframe requests to this producer are
 *                             coalesced into one (mediasoup's option; 0 uses the engine's floor)
 * @param appData              free application data
 */
public record ProducerOptions(String id, MediaKind kind, RtpParameters rtpParameters, boolean paused,
        int keyFrameRequestDelay, Map<String, Object> appData) {

    public ProducerOptions {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rtpParameters, "rtpParameters");
        if (keyFrameRequestDelay < 0) {
            throw new IllegalArgumentException("keyFrameRequestDelay must not be negative");
        }
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    public static ProducerOptions of(MediaKind kind, RtpParameters rtpParameters) {
        return new ProducerOptions(null, kind, rtpParameters, false, 0, Map.of());
    }

    public ProducerOptions withPaused(boolean value) {
        return new ProducerOptions(id, kind, rtpParameters, value, keyFrameRequestDelay, appData);
    }

    public ProducerOptions withAppData(Map<String, Object> data) {
        return new ProducerOptions(id, kind, rtpParameters, paused, keyFrameRequestDelay, data);
    }
}
