package dev.hongyan.media.ortc;

import static dev.hongyan.media.ortc.Fixtures.json;
import static dev.hongyan.media.ortc.Fixtures.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.JsonNode;

class RtpJsonTest {

  @Test
  void producerParametersRoundTripWithoutInventedFields() {
    RtpParameters params = ProducerFixtures.vp8SimulcastBySsrc();
    JsonNode out = toJson(params);
    assertThat(out.get("mid").textValue()).isEqualTo("1");
    // Unknown input fields are dropped; absent optional ones are not emitted.
    assertThat(out.get("encodings").get(1)).isEqualTo(json("{ssrc:222221, rtx:{ssrc:222222}}"));
    assertThat(out.get("rtcp")).isEqualTo(json("{cname:'bcast', reducedSize:true}"));
    assertThat(RtpJson.parseRtpParameters(out)).isEqualTo(params);
  }

  @Test
  void midIsOmittedWhenAbsent() {
    RtpParameters p = RtpJson.parseRtpParameters(json("{codecs:[]}"));
    assertThat(toJson(p)).isEqualTo(json("{codecs:[], headerExtensions:[], encodings:[], rtcp:{reducedSize:true}}"));
  }

  @Test
  void defaultsAreFilledLikeMediasoup() {
    RtpCapabilities caps = RtpJson.parseRtpCapabilities(json("""
        {codecs:[{kind:'video', mimeType:'audio/PCMU', clockRate:8000, rtcpFeedback:[{type:'nack'}]},
                 {mimeType:'video/VP8', clockRate:90000, channels:2}],
         headerExtensions:[{kind:'audio', uri:'urn:x', preferredId:3}]}"""));
    assertThat(toJson(caps)).isEqualTo(json("""
        {codecs:[{kind:'audio', mimeType:'audio/PCMU', clockRate:8000, channels:1, parameters:{},
                  rtcpFeedback:[{type:'nack', parameter:''}]},
                 {kind:'video', mimeType:'video/VP8', clockRate:90000, parameters:{}, rtcpFeedback:[]}],
         headerExtensions:[{kind:'audio', uri:'urn:x', preferredId:3, preferredEncrypt:false, direction:'sendrecv'}]}"""));
    assertThat(RtpJson.parseRtpCapabilities(json("{}"))).isEqualTo(new RtpCapabilities(null, null));
  }

  @Test
  void parameterValuesKeepTheirJsonTypes() {
    RtpCodecParameters codec = RtpJson.parseRtpParameters(json("""
        {codecs:[{mimeType:'video/H264', payloadType:102, clockRate:90000,
          parameters:{'packetization-mode':1, 'profile-level-id':'42e01f', big:5000000000, ratio:0.5}}]}"""))
        .codecs().get(0);
    assertThat(codec.parameters()).containsExactly(
        Map.entry("packetization-mode", 1), Map.entry("profile-level-id", "42e01f"),
        Map.entry("big", 5_000_000_000L), Map.entry("ratio", 0.5));
    assertThat(toJson(codec).get("parameters")).isEqualTo(
        json("{'packetization-mode':1, 'profile-level-id':'42e01f', big:5000000000, ratio:0.5}"));
  }

  @Test
  void kind() {
    assertThat(RtpJson.parseKind(json("'video'"))).isEqualTo(MediaKind.VIDEO);
    assertThatThrownBy(() -> RtpJson.parseKind(json("'data'"))).hasMessage("invalid kind");
    assertThatThrownBy(() -> RtpJson.parseKind(null)).hasMessage("invalid kind");
  }

  @Test
  void rtpParametersErrors() {
    Function<String, RtpParameters> p = s -> RtpJson.parseRtpParameters(json(s));
    assertError(() -> p.apply("[]"), "params is not an object");
    assertError(() -> p.apply("{}"), "missing params.codecs");
    assertError(() -> p.apply("{codecs:{}}"), "missing params.codecs");
    assertError(() -> p.apply("{mid:3, codecs:[]}"), "params.mid is not a string");
    assertError(() -> p.apply("{codecs:[1]}"), "codec is not an object");
    assertError(() -> p.apply("{codecs:[{payloadType:96, clockRate:90000}]}"), "missing codec.mimeType");
    assertError(() -> p.apply("{codecs:[{mimeType:'VP8', payloadType:96, clockRate:90000}]}"), "invalid codec.mimeType");
    assertError(() -> p.apply("{codecs:[{mimeType:'text/plain', payloadType:96, clockRate:90000}]}"), "invalid codec.mimeType");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', clockRate:90000}]}"), "missing codec.payloadType");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:'96', clockRate:90000}]}"), "invalid codec.payloadType");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:128, clockRate:90000}]}"), "invalid codec.payloadType");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:96.5, clockRate:90000}]}"), "invalid codec.payloadType");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:96}]}"), "missing codec.clockRate");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:96, clockRate:-1}]}"), "invalid codec.clockRate");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/rtx', payloadType:97, clockRate:90000, parameters:{apt:'96'}}]}"),
        "invalid codec apt parameter");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:96, clockRate:90000, parameters:{x:true}}]}"),
        "invalid codec parameter [key:x, value:true]");
    assertError(() -> p.apply("{codecs:[{mimeType:'video/VP8', payloadType:96, clockRate:90000, rtcpFeedback:[{parameter:'pli'}]}]}"),
        "missing fb.type");
    assertError(() -> p.apply("{codecs:[], headerExtensions:{}}"), "params.headerExtensions is not an array");
    assertError(() -> p.apply("{codecs:[], headerExtensions:[{id:1}]}"), "missing ext.uri");
    assertError(() -> p.apply("{codecs:[], headerExtensions:[{uri:'urn:x'}]}"), "missing ext.id");
    assertError(() -> p.apply("{codecs:[], headerExtensions:[{uri:'urn:x', id:0}]}"), "invalid ext.id");
    assertError(() -> p.apply("{codecs:[], headerExtensions:[{uri:'urn:x', id:1, encrypt:'no'}]}"), "invalid ext.encrypt");
    assertError(() -> p.apply("{codecs:[], headerExtensions:[{uri:'urn:x', id:1, parameters:{a:[]}}]}"),
        "invalid header extension parameter");
    assertError(() -> p.apply("{codecs:[], encodings:{}}"), "params.encodings is not an array");
    assertError(() -> p.apply("{codecs:[], encodings:[[]]}"), "encoding is not an object");
    assertError(() -> p.apply("{codecs:[], encodings:[{ssrc:'1'}]}"), "invalid encoding.ssrc");
    assertError(() -> p.apply("{codecs:[], encodings:[{ssrc:4294967296}]}"), "invalid encoding.ssrc");
    assertError(() -> p.apply("{codecs:[], encodings:[{ssrc:0}]}"), "invalid encoding.ssrc");
    assertError(() -> p.apply("{codecs:[], encodings:[{rid:5}]}"), "invalid encoding.rid");
    assertError(() -> p.apply("{codecs:[], encodings:[{rid:'r 0'}]}"), "invalid encoding.rid");
    assertError(() -> p.apply("{codecs:[], encodings:[{rtx:1}]}"), "invalid encoding.rtx");
    assertError(() -> p.apply("{codecs:[], encodings:[{rtx:{}}]}"), "missing encoding.rtx.ssrc");
    assertError(() -> p.apply("{codecs:[], encodings:[{dtx:1}]}"), "invalid encoding.dtx");
    assertError(() -> p.apply("{codecs:[], encodings:[{scalabilityMode:3}]}"), "invalid encoding.scalabilityMode");
    assertError(() -> p.apply("{codecs:[], encodings:[{maxBitrate:-5}]}"), "invalid encoding.maxBitrate");
    assertError(() -> p.apply("{codecs:[], encodings:[{priority:'urgent'}]}"), "invalid encoding.priority");
    assertError(() -> p.apply("{codecs:[], rtcp:'x'}"), "params.rtcp is not an object");
    assertError(() -> p.apply("{codecs:[], rtcp:{cname:5}}"), "invalid rtcp.cname");
    assertError(() -> p.apply("{codecs:[], encodings:[" + "{},".repeat(16) + "{}]}"), "too many params.encodings");
  }

  @Test
  void capabilityErrors() {
    Function<String, RtpCapabilities> c = s -> RtpJson.parseRtpCapabilities(json(s));
    assertError(() -> c.apply("'x'"), "caps is not an object");
    assertError(() -> c.apply("{codecs:{}}"), "caps.codecs is not an array");
    assertError(() -> c.apply("{codecs:[{mimeType:'audio/opus', clockRate:48000, preferredPayloadType:'a'}]}"),
        "invalid codec.preferredPayloadType");
    assertError(() -> c.apply("{headerExtensions:5}"), "caps.headerExtensions is not an array");
    assertError(() -> c.apply("{headerExtensions:[{uri:'urn:x', preferredId:1}]}"), "invalid ext.kind");
    assertError(() -> c.apply("{headerExtensions:[{kind:'audio', preferredId:1}]}"), "missing ext.uri");
    assertError(() -> c.apply("{headerExtensions:[{kind:'audio', uri:'urn:x'}]}"), "missing ext.preferredId");
    assertError(() -> c.apply("{headerExtensions:[{kind:'audio', uri:'urn:x', preferredId:1, preferredEncrypt:1}]}"),
        "invalid ext.preferredEncrypt");
    assertError(() -> c.apply("{headerExtensions:[{kind:'audio', uri:'urn:x', preferredId:1, direction:'up'}]}"),
        "invalid ext.direction");
  }

  @Test
  void chromeFixtureParses() {
    RtpCapabilities chrome = Fixtures.chromeCaps();
    assertThat(chrome.codecs()).hasSize(19);
    assertThat(toJson(chrome)).isEqualTo(Fixtures.resource("chrome-rtp-capabilities.json"));
  }

  private static void assertError(Runnable r, String message) {
    assertThatThrownBy(r::run).isInstanceOf(OrtcException.class).hasMessage(message);
  }
}
