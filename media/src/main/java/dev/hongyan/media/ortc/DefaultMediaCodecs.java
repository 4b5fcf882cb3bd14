package dev.hongyan.media.ortc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The media codecs a router gets when config names none: what browsers and libmediasoupclient
 * all send and receive. Both VP9 profiles and both common H264 profiles are listed because a
 * consumer can only get a producer's exact profile (the SFU does not transcode).
 */
public final class DefaultMediaCodecs {
  private DefaultMediaCodecs() {}

  public static List<RtpCodecCapability> get() {
    return List.of(
        new RtpCodecCapability(MediaKind.AUDIO, "audio/opus", null, 48000, 2, Map.of(), List.of()),
        video("video/VP8", Map.of()),
        video("video/VP9", Map.of("profile-id", 0)),
        video("video/VP9", Map.of("profile-id", 2)),
        video("video/H264", h264("42e01f")),
        video("video/H264", h264("4d0032")));
  }

  private static Map<String, Object> h264(String profileLevelId) {
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("packetization-mode", 1);
    p.put("profile-level-id", profileLevelId);
    p.put("level-asymmetry-allowed", 1);
    return p;
  }

  private static RtpCodecCapability video(String mime, Map<String, Object> parameters) {
    return new RtpCodecCapability(MediaKind.VIDEO, mime, null, 90000, null, parameters, List.of());
  }
}
