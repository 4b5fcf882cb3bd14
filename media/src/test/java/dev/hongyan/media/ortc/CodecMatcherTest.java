package dev.hongyan.media.ortc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.media.ortc.CodecMatcher.Codec;
import dev.hongyan.media.ortc.H264ProfileLevelId.Profile;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecMatcherTest {

  private static Codec h264(Object packetizationMode, String profileLevelId, Integer asymmetry) {
    Map<String, Object> p = new LinkedHashMap<>();
    if (packetizationMode != null) {
      p.put("packetization-mode", packetizationMode);
    }
    if (profileLevelId != null) {
      p.put("profile-level-id", profileLevelId);
    }
    if (asymmetry != null) {
      p.put("level-asymmetry-allowed", asymmetry);
    }
    return new Codec("video/H264", 90000, null, p);
  }

  private static Codec vp9(Object profileId) {
    return new Codec("video/VP9", 90000, null, profileId == null ? Map.of() : Map.of("profile-id", profileId));
  }

  @Test
  void mimeTypeIsCaseInsensitiveAndClockRateMustMatch() {
    assertThat(CodecMatcher.matches(new Codec("video/vp8", 90000, null, Map.of()),
        new Codec("video/VP8", 90000, null, Map.of()), true)).isTrue();
    assertThat(CodecMatcher.matches(new Codec("video/VP8", 90000, null, Map.of()),
        new Codec("video/VP8", 48000, null, Map.of()), false)).isFalse();
    assertThat(CodecMatcher.matches(new Codec("video/VP8", 90000, null, Map.of()),
        new Codec("video/VP9", 90000, null, Map.of()), false)).isFalse();
  }

  @Test
  void opusChannelsMustMatch() {
    Codec stereo = new Codec("audio/opus", 48000, 2, Map.of());
    Codec mono = new Codec("audio/opus", 48000, 1, Map.of());
    assertThat(CodecMatcher.matches(stereo, mono, false)).isFalse();
    assertThat(CodecMatcher.matches(stereo, new Codec("audio/OPUS", 48000, 2, Map.of("useinbandfec", 1)), true)).isTrue();
  }

  @Test
  void multiopusComparesStreamLayout() {
    Codec a = new Codec("audio/multiopus", 48000, 6, Map.of("num_streams", 4, "coupled_streams", 2));
    Codec b = new Codec("audio/multiopus", 48000, 6, Map.of("num_streams", "4", "coupled_streams", 2));
    Codec c = new Codec("audio/multiopus", 48000, 6, Map.of("num_streams", 3, "coupled_streams", 2));
    assertThat(CodecMatcher.matches(a, b, false)).isTrue();
    assertThat(CodecMatcher.matches(a, c, false)).isFalse();
  }

  @Test
  void vp9ProfileIdMattersOnlyWhenStrictAndDefaultsToZero() {
    assertThat(CodecMatcher.matches(vp9(0), vp9(2), true)).isFalse();
    assertThat(CodecMatcher.matches(vp9(0), vp9(2), false)).isTrue();
    assertThat(CodecMatcher.matches(vp9(null), vp9(0), true)).isTrue();
    assertThat(CodecMatcher.matches(vp9("2"), vp9(2), true)).isTrue();
  }

  @Test
  void h264PacketizationModeMustMatchWhenStrict() {
    assertThat(CodecMatcher.matches(h264(1, "42e01f", 1), h264(0, "42e01f", 1), true)).isFalse();
    assertThat(CodecMatcher.matches(h264(null, "42e01f", 1), h264(0, "42e01f", 1), true)).isTrue();
    assertThat(CodecMatcher.matches(h264(1, "42e01f", 1), h264(0, "42e01f", 1), false)).isTrue();
  }

  @Test
  void h264ProfilesMustMatchButLevelsMayDiffer() {
    // Constrained Baseline written two ways, different levels.
    assertThat(CodecMatcher.matches(h264(1, "42e01f", 1), h264(1, "42c034", 1), true)).isTrue();
    // Baseline (no constraint_set1) is another profile.
    assertThat(CodecMatcher.matches(h264(1, "42e01f", 1), h264(1, "42001f", 1), true)).isFalse();
    assertThat(CodecMatcher.matches(h264(1, "4d0032", 1), h264(1, "4d001f", null), true)).isTrue();
    assertThat(CodecMatcher.matches(h264(1, "4d0032", 1), h264(1, "42e01f", 1), true)).isFalse();
    assertThat(CodecMatcher.matches(h264(1, "640c1f", 1), h264(1, "64001f", 1), true)).isFalse();
    // No profile-level-id means Constrained Baseline 3.1.
    assertThat(CodecMatcher.matches(h264(1, null, null), h264(1, "42e01f", 1), true)).isTrue();
    assertThat(CodecMatcher.matches(h264(1, "zzzzzz", 1), h264(1, "42e01f", 1), true)).isFalse();
  }

  @Test
  void profileLevelIdParsing() {
    assertThat(H264ProfileLevelId.parse("42e01f")).isEqualTo(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 31));
    assertThat(H264ProfileLevelId.parse("4d0032")).isEqualTo(new H264ProfileLevelId(Profile.MAIN, 50));
    assertThat(H264ProfileLevelId.parse("640c34")).isEqualTo(new H264ProfileLevelId(Profile.CONSTRAINED_HIGH, 52));
    assertThat(H264ProfileLevelId.parse("64001f")).isEqualTo(new H264ProfileLevelId(Profile.HIGH, 31));
    assertThat(H264ProfileLevelId.parse("f4001f")).isEqualTo(new H264ProfileLevelId(Profile.PREDICTIVE_HIGH_444, 31));
    assertThat(H264ProfileLevelId.parse("42f00b")).isEqualTo(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, H264ProfileLevelId.LEVEL_1B));
    assertThat(H264ProfileLevelId.parse("42e00b")).isEqualTo(new H264ProfileLevelId(Profile.CONSTRAINED_BASELINE, 11));
    assertThat(H264ProfileLevelId.parse("42e0ff")).isNull(); // no such level
    assertThat(H264ProfileLevelId.parse("43e01f")).isNull(); // no such profile
    assertThat(H264ProfileLevelId.parse("42e01")).isNull();
    assertThat(H264ProfileLevelId.parse("000000")).isNull();
  }

  @Test
  void answerLevelHonoursAsymmetry() {
    Map<String, Object> local = Map.of("profile-level-id", "42e034", "level-asymmetry-allowed", 1);
    Map<String, Object> remoteSym = Map.of("profile-level-id", "42e01f");
    Map<String, Object> remoteAsym = Map.of("profile-level-id", "42e01f", "level-asymmetry-allowed", "1");
    assertThat(H264ProfileLevelId.answer(local, remoteSym)).isEqualTo("42e01f");
    assertThat(H264ProfileLevelId.answer(local, remoteAsym)).isEqualTo("42e034");
    assertThat(H264ProfileLevelId.answer(Map.of(), Map.of())).isNull();
    assertThat(H264ProfileLevelId.answer(Map.of("profile-level-id", "42c01f"), Map.of("profile-level-id", "42e01f")))
        .isEqualTo("42e01f");
    assertThatThrownBy(() -> H264ProfileLevelId.answer(Map.of("profile-level-id", "4d001f"), Map.of()))
        .hasMessage("H264 Profile mismatch");
  }

  @Test
  void level1bOrdersBetweenLevel1AndLevel11() {
    assertThat(H264ProfileLevelId.minLevel(H264ProfileLevelId.LEVEL_1B, 11)).isEqualTo(H264ProfileLevelId.LEVEL_1B);
    assertThat(H264ProfileLevelId.minLevel(H264ProfileLevelId.LEVEL_1B, 10)).isEqualTo(10);
    assertThat(new H264ProfileLevelId(Profile.HIGH, H264ProfileLevelId.LEVEL_1B).toHex()).isNull();
  }

  @Test
  void scalabilityModes() {
    assertThat(ScalabilityMode.parse("L1T3")).isEqualTo(new ScalabilityMode(1, 3, false));
    assertThat(ScalabilityMode.parse("S3T3")).isEqualTo(new ScalabilityMode(3, 3, false));
    assertThat(ScalabilityMode.parse("L3T3_KEY")).isEqualTo(new ScalabilityMode(3, 3, true));
    assertThat(ScalabilityMode.parse("L2T2_KEY_SHIFT")).isEqualTo(new ScalabilityMode(2, 2, true));
    assertThat(ScalabilityMode.parse("foo")).isEqualTo(new ScalabilityMode(1, 1, false));
    assertThat(ScalabilityMode.parse(null)).isEqualTo(new ScalabilityMode(1, 1, false));
  }
}
