package dev.hongyan.media.ortc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Builds a router's RTP capabilities from its configured media codecs, as mediasoup's
 * generateRouterRtpCapabilities does: each configured codec must match (non-strictly) a supported
 * one; it takes the supported codec's mime spelling, feedback and default parameters, overlaid
 * with the configured parameters; every video codec is followed by its RTX codec; header
 * extensions are all supported ones.
 *
 * <p>Payload types are stable for a given codec list: a configured {@code preferredPayloadType}
 * wins, then a static one from the catalogue (PCMU 0...), else the next free dynamic type in
 * mediasoup's order 100..127, 96..99. When those 32 are exhausted we continue with 35..63, the
 * range libwebrtc also uses, rather than fail; 64..95 stay unused because with rtcp-mux they
 * collide with RTCP packet types (RFC 5761 §4).
 */
final class RouterRtpCapabilities {
  private RouterRtpCapabilities() {}

  static final List<Integer> DYNAMIC_PAYLOAD_TYPES =
      IntStream.concat(
              IntStream.concat(IntStream.rangeClosed(100, 127), IntStream.rangeClosed(96, 99)),
              IntStream.rangeClosed(35, 63))
          .boxed()
          .toList();

  static RtpCapabilities generate(List<RtpCodecCapability> mediaCodecs) {
    List<Integer> dynamic = new ArrayList<>(DYNAMIC_PAYLOAD_TYPES);
    List<RtpCodecCapability> codecs = new ArrayList<>();
    for (RtpCodecCapability mediaCodec : mediaCodecs) {
      if (mediaCodec.isRtx()) {
        // RTX is added automatically next to each video codec.
        throw OrtcException.unsupported(
            "media codec not supported [mimeType:" + mediaCodec.mimeType() + "]");
      }
      RtpCodecCapability supported =
          SupportedRtpCapabilities.CODECS.stream()
              .filter(s -> CodecMatcher.matches(
                  CodecMatcher.Codec.of(mediaCodec), CodecMatcher.Codec.of(s), false))
              .findFirst()
              .orElseThrow(() -> OrtcException.unsupported(
                  "media codec not supported [mimeType:" + mediaCodec.mimeType() + "]"));

      int pt;
      if (mediaCodec.preferredPayloadType() != null) {
        pt = mediaCodec.preferredPayloadType();
        dynamic.remove(Integer.valueOf(pt));
      } else if (supported.preferredPayloadType() != null) {
        pt = supported.preferredPayloadType();
      } else {
        pt = take(dynamic);
      }
      for (RtpCodecCapability existing : codecs) {
        if (existing.preferredPayloadType() == pt) {
          throw OrtcException.invalid("duplicated codec.preferredPayloadType");
        }
      }
      RtpCodecCapability codec =
          supported
              .withPreferredPayloadType(pt)
              .withParameters(Params.merge(supported.parameters(), mediaCodec.parameters()));
      codecs.add(codec);

      if (codec.kind() == MediaKind.VIDEO) {
        Map<String, Object> rtxParams = new LinkedHashMap<>();
        rtxParams.put("apt", pt);
        codecs.add(
            new RtpCodecCapability(
                MediaKind.VIDEO, "video/rtx", take(dynamic), codec.clockRate(), null, rtxParams, List.of()));
      }
    }
    return new RtpCapabilities(codecs, SupportedRtpCapabilities.HEADER_EXTENSIONS);
  }

  private static int take(List<Integer> dynamic) {
    if (dynamic.isEmpty()) {
      throw OrtcException.invalid("cannot allocate more dynamic codec payload types");
    }
    return dynamic.remove(0);
  }
}
