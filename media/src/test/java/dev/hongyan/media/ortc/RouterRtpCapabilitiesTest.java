package dev.hongyan.media.ortc;

import static dev.hongyan.media.ortc.Fixtures.json;
import static dev.hongyan.media.ortc.Fixtures.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RouterRtpCapabilitiesTest {

  @Test
  void defaultCodecsSerialiseExactlyAsTheSnapshot() {
    assertThat(toJson(Fixtures.routerCaps())).isEqualTo(Fixtures.resource("router-rtp-capabilities.json"));
  }

  @Test
  void fieldOrderFollowsMediasoup() throws Exception {
    String text = Fixtures.MAPPER.writeValueAsString(Fixtures.routerCaps().codecs().get(0));
    assertThat(text)
        .isEqualTo("{\"kind\":\"audio\",\"mimeType\":\"audio/opus\",\"preferredPayloadType\":100,"
            + "\"clockRate\":48000,\"channels\":2,\"parameters\":{},"
            + "\"rtcpFeedback\":[{\"type\":\"transport-cc\",\"parameter\":\"\"}]}");
  }

  @Test
  void configuredCodecsParseFromJsonLikeMediasoupConfig() {
    List<RtpCodecCapability> config =
        List.of(
            RtpJson.parseRtpCodecCapability(json("{kind:'audio', mimeType:'audio/opus', clockRate:48000, channels:2}")),
            RtpJson.parseRtpCodecCapability(json(
                "{kind:'video', mimeType:'video/VP8', clockRate:90000, parameters:{'x-google-start-bitrate':1000}}")));
    RtpCapabilities caps = Fixtures.ortc().generateRouterRtpCapabilities(config);
    assertThat(caps.codecs()).extracting(RtpCodecCapability::mimeType)
        .containsExactly("audio/opus", "video/VP8", "video/rtx");
    assertThat(caps.codecs().get(1).parameters()).containsExactly(Map.entry("x-google-start-bitrate", 1000));
    assertThat(caps.codecs().get(2).parameters()).containsExactly(Map.entry("apt", 101));
  }

  @Test
  void mimeTypeSpellingComesFromTheCatalogue() {
    RtpCapabilities caps = Fixtures.ortc().generateRouterRtpCapabilities(
        List.of(new RtpCodecCapability(MediaKind.VIDEO, "video/vp8", null, 90000, null, Map.of(), List.of())));
    assertThat(caps.codecs().get(0).mimeType()).isEqualTo("video/VP8");
  }

  @Test
  void preferredPayloadTypesAreKeptAndSkippedByAllocation() {
    RtpCapabilities caps = Fixtures.ortc().generateRouterRtpCapabilities(List.of(
        new RtpCodecCapability(MediaKind.AUDIO, "audio/opus", 101, 48000, 2, Map.of(), List.of()),
        new RtpCodecCapability(MediaKind.AUDIO, "audio/PCMU", null, 8000, 1, Map.of(), List.of()),
        new RtpCodecCapability(MediaKind.VIDEO, "video/VP8", null, 90000, null, Map.of(), List.of())));
    assertThat(caps.codecs()).extracting(RtpCodecCapability::preferredPayloadType).containsExactly(101, 0, 100, 102);
  }

  @Test
  void dynamicPayloadTypesFollowMediasoupOrderThenLibwebrtcLowRange() {
    assertThat(RouterRtpCapabilities.DYNAMIC_PAYLOAD_TYPES.subList(0, 3)).containsExactly(100, 101, 102);
    assertThat(RouterRtpCapabilities.DYNAMIC_PAYLOAD_TYPES.subList(27, 33)).containsExactly(127, 96, 97, 98, 99, 35);
    assertThat(RouterRtpCapabilities.DYNAMIC_PAYLOAD_TYPES).hasSize(61).doesNotContainAnyElementsOf(List.of(64, 72, 95));
  }

  @Test
  void unsupportedCodecIsRefused() {
    assertThatThrownBy(() -> Fixtures.ortc().generateRouterRtpCapabilities(List.of(
            new RtpCodecCapability(MediaKind.VIDEO, "video/FOO", null, 90000, null, Map.of(), List.of()))))
        .isInstanceOf(OrtcException.class)
        .hasMessage("media codec not supported [mimeType:video/FOO]")
        .matches(e -> ((OrtcException) e).unsupported());
  }

  @Test
  void opusNeedsTwoChannelsToMatchTheCatalogue() {
    assertThatThrownBy(() -> Fixtures.ortc().generateRouterRtpCapabilities(List.of(
            RtpJson.parseRtpCodecCapability(json("{mimeType:'audio/opus', clockRate:48000}")))))
        .hasMessage("media codec not supported [mimeType:audio/opus]");
  }

  @Test
  void duplicatedPreferredPayloadTypeIsRefused() {
    assertThatThrownBy(() -> Fixtures.ortc().generateRouterRtpCapabilities(List.of(
            new RtpCodecCapability(MediaKind.AUDIO, "audio/opus", 100, 48000, 2, Map.of(), List.of()),
            new RtpCodecCapability(MediaKind.AUDIO, "audio/PCMA", 100, 8000, 1, Map.of(), List.of()))))
        .hasMessage("duplicated codec.preferredPayloadType")
        .matches(e -> !((OrtcException) e).unsupported());
  }

  @Test
  void headerExtensionsAreTheSupportedOnes() {
    RtpCapabilities caps = Fixtures.routerCaps();
    assertThat(caps.headerExtensions()).filteredOn(e -> e.kind() == MediaKind.AUDIO)
        .extracting(RtpHeaderExtension::preferredId).containsExactly(1, 4, 5, 10, 13, 14);
    assertThat(caps.headerExtensions()).filteredOn(e -> e.kind() == MediaKind.VIDEO)
        .extracting(RtpHeaderExtension::preferredId).containsExactly(1, 2, 3, 4, 5, 8, 11, 12, 13, 14);
  }

  @Test
  void routerCapsSurviveAJsonRoundTrip() {
    RtpCapabilities caps = Fixtures.routerCaps();
    assertThat(RtpJson.parseRtpCapabilities(toJson(caps))).isEqualTo(caps);
  }
}
