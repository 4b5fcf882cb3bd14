package dev.hongyan.media.ortc;

import java.util.Map;
import java.util.Objects;

/**
 * mediasoup's codec equivalence. Non-strict matching (used when building router capabilities from
 * config) compares mime type (case-insensitive), clock rate and channels only, plus multiopus
 * stream layout. Strict matching (producers, consumers) adds the codec-specific rules that decide
 * whether a decoder can take the stream: H264 packetization-mode and profile, VP9 profile-id.
 */
final class CodecMatcher {
  private CodecMatcher() {}

  /** The fields matching looks at, common to capabilities and parameters. */
  record Codec(String mimeType, int clockRate, Integer channels, Map<String, Object> parameters) {
    static Codec of(RtpCodecCapability c) {
      return new Codec(c.mimeType(), c.clockRate(), c.channels(), c.parameters());
    }

    static Codec of(RtpCodecParameters c) {
      return new Codec(c.mimeType(), c.clockRate(), c.channels(), c.parameters());
    }
  }

  static boolean matches(Codec a, Codec b, boolean strict) {
    String aMime = Codecs.lower(a.mimeType());
    if (!aMime.equals(Codecs.lower(b.mimeType()))) {
      return false;
    }
    if (a.clockRate() != b.clockRate() || !Objects.equals(a.channels(), b.channels())) {
      return false;
    }
    switch (aMime) {
      case "audio/multiopus":
        return Params.sameValue(a.parameters(), b.parameters(), "num_streams")
            && Params.sameValue(a.parameters(), b.parameters(), "coupled_streams");
      case "video/h264":
        return !strict || h264Compatible(a.parameters(), b.parameters());
      case "video/vp9":
        return !strict
            || Params.integer(a.parameters(), "profile-id", 0)
                == Params.integer(b.parameters(), "profile-id", 0);
      default:
        return true;
    }
  }

  private static boolean h264Compatible(Map<String, Object> a, Map<String, Object> b) {
    if (Params.integer(a, "packetization-mode", 0) != Params.integer(b, "packetization-mode", 0)) {
      return false;
    }
    if (!H264ProfileLevelId.isSameProfile(a, b)) {
      return false;
    }
    try {
      H264ProfileLevelId.answer(a, b);
      return true;
    } catch (OrtcException e) {
      return false;
    }
  }

  /**
   * The parameters a producer's codec ends up with once matched (strictly) against the router's:
   * for H264 the profile-level-id is replaced by the negotiated answer, as mediasoup does when it
   * maps a producer. Other codecs are returned unchanged.
   */
  static Map<String, Object> producerParameters(
      RtpCodecParameters producerCodec, RtpCodecCapability capCodec) {
    if (!Codecs.lower(producerCodec.mimeType()).equals("video/h264")) {
      return producerCodec.parameters();
    }
    String answer = H264ProfileLevelId.answer(producerCodec.parameters(), capCodec.parameters());
    return Params.with(producerCodec.parameters(), "profile-level-id", answer);
  }
}
