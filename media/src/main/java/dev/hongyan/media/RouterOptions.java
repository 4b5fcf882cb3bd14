package dev.hongyan.media;

import dev.hongyan.media.ortc.DefaultMediaCodecs;
import dev.hongyan.media.ortc.RtpCodecCapability;
import java.util.List;
import java.util.Map;

/**
 * mediasoup's {@code RouterOptions}: the media codecs the router offers (its rtpCapabilities are derived
 * from them) and free application data.
 */
public record RouterOptions(List<RtpCodecCapability> mediaCodecs, Map<String, Object> appData) {

    public RouterOptions {
        mediaCodecs = List.copyOf(mediaCodecs);
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    /** opus, VP8, VP9, H264 with rtx: {@link DefaultMediaCodecs}. */
    public static RouterOptions defaults() {
        return new RouterOptions(DefaultMediaCodecs.get(), Map.of());
    }
}
