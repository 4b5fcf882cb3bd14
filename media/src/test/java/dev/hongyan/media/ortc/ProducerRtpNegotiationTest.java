package dev.hongyan.media.ortc;

import static dev.hongyan.media.ortc.Fixtures.json;
import static dev.hongyan.media.ortc.Fixtures.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ProducerRtpNegotiationTest {
  private final Ortc ortc = Fixtures.ortc();
  private final RtpCapabilities caps = Fixtures.routerCaps();

  private NegotiatedProducer negotiate(MediaKind kind, RtpParameters params) {
    return ortc.negotiateProducer(kind, params, caps);
  }

  private static RtpParameters params(String json) {
    return RtpJson.parseRtpParameters(json(json));
  }

  @Test
  void plainOpusProducer() {
    NegotiatedProducer p = negotiate(MediaKind.AUDIO, ProducerFixtures.opus());
    assertThat(p.type()).isEqualTo(ProducerType.SIMPLE);
    long mapped = p.rtpMapping().encodings().get(0).mappedSsrc();
    assertThat(mapped).isBetween(Ortc.MIN_SSRC, Ortc.MAX_SSRC);
    assertThat(toJson(p.rtpMapping())).isEqualTo(json(
        "{codecs:[{payloadType:111, mappedPayloadType:100}], encodings:[{ssrc:1111111111, mappedSsrc:" + mapped + "}]}"));
    assertThat(toJson(p.consumableRtpParameters())).isEqualTo(json("""
        {codecs:[{mimeType:'audio/opus', payloadType:100, clockRate:48000, channels:2,
                  parameters:{minptime:10, useinbandfec:1, usedtx:1},
                  rtcpFeedback:[{type:'transport-cc', parameter:''}]}],
         headerExtensions:[
           {uri:'urn:ietf:params:rtp-hdrext:sdes:mid', id:1, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time', id:4, encrypt:false, parameters:{}},
           {uri:'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id:10, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time', id:13, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay', id:14, encrypt:false, parameters:{}}],
         encodings:[{ssrc:%d, dtx:false}],
         rtcp:{cname:'Kq2Ug7eW', reducedSize:true}}""".formatted(mapped)));
  }

  @Test
  void simulcastByRid() {
    NegotiatedProducer p = negotiate(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastByRid());
    assertThat(p.type()).isEqualTo(ProducerType.SIMULCAST);
    long base = p.rtpMapping().encodings().get(0).mappedSsrc();
    assertThat(toJson(p.rtpMapping())).isEqualTo(json("""
        {codecs:[{payloadType:96, mappedPayloadType:101}, {payloadType:97, mappedPayloadType:102}],
         encodings:[{rid:'r0', scalabilityMode:'L1T3', mappedSsrc:%d},
                    {rid:'r1', scalabilityMode:'L1T3', mappedSsrc:%d},
                    {rid:'r2', scalabilityMode:'L1T3', mappedSsrc:%d}]}""".formatted(base, base + 1, base + 2)));

    RtpParameters consumable = p.consumableRtpParameters();
    assertThat(consumable.codecs()).extracting(RtpCodecParameters::payloadType).containsExactly(101, 102);
    assertThat(consumable.codecs().get(0).rtcpFeedback()).isEqualTo(caps.codecs().get(1).rtcpFeedback());
    assertThat(consumable.headerExtensions()).extracting(RtpHeaderExtensionParameters::id)
        .containsExactly(1, 4, 5, 11, 12, 13, 14);
    assertThat(toJson(consumable.encodings())).isEqualTo(json("""
        [{ssrc:%d, dtx:false, scalabilityMode:'L1T3', scaleResolutionDownBy:4.0, maxBitrate:100000},
         {ssrc:%d, dtx:false, scalabilityMode:'L1T3', scaleResolutionDownBy:2.0, maxBitrate:300000},
         {ssrc:%d, dtx:false, scalabilityMode:'L1T3', scaleResolutionDownBy:1.0, maxBitrate:900000}]"""
        .formatted(base, base + 1, base + 2)));

    ProducerRtpInfo info = p.info();
    assertThat(info.rtxPayloadTypes()).containsExactly(Map.entry(97, 96));
    assertThat(info.mappedPayloadTypes()).containsExactly(Map.entry(96, 101), Map.entry(97, 102));
    assertThat(info.headerExtensionId(SupportedRtpCapabilities.RTP_STREAM_ID)).isEqualTo(10);
    assertThat(info.headerExtensionId(SupportedRtpCapabilities.MID)).isEqualTo(4);
    assertThat(info.headerExtensionId(SupportedRtpCapabilities.SSRC_AUDIO_LEVEL)).isZero();
    assertThat(info.encodings()).extracting(ProducerRtpInfo.Encoding::rid).containsExactly("r0", "r1", "r2");
    assertThat(info.encodings().get(2)).isEqualTo(new ProducerRtpInfo.Encoding(2, null, "r2", null, base + 2, 96, 1, 3));
    assertThat(info.isRtx(97)).isTrue();
  }

  @Test
  void simulcastBySsrc() {
    NegotiatedProducer p = negotiate(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastBySsrc());
    assertThat(p.type()).isEqualTo(ProducerType.SIMULCAST);
    long base = p.rtpMapping().encodings().get(0).mappedSsrc();
    assertThat(toJson(p.rtpMapping().encodings())).isEqualTo(json("""
        [{ssrc:111111, scalabilityMode:'L1T2', mappedSsrc:%d}, {ssrc:222221, mappedSsrc:%d},
         {ssrc:333331, mappedSsrc:%d}]""".formatted(base, base + 1, base + 2)));
    // Consumers never see the producer's RTX SSRCs or rids.
    assertThat(toJson(p.consumableRtpParameters().encodings())).isEqualTo(json(
        "[{ssrc:%d, scalabilityMode:'L1T2'}, {ssrc:%d}, {ssrc:%d}]".formatted(base, base + 1, base + 2)));
    assertThat(p.info().encodings().get(1).rtxSsrc()).isEqualTo(222222L);
    assertThat(p.info().encodings().get(0).temporalLayers()).isEqualTo(2);
  }

  @Test
  void singleEncodingWithTemporalLayersIsSvcForVp9AndSimulcastForVp8() {
    assertThat(negotiate(MediaKind.VIDEO, ProducerFixtures.vp9Svc()).type()).isEqualTo(ProducerType.SVC);
    RtpParameters vp8 = params("{mid:'1', " + ProducerFixtures.VP8_CODECS
        + ", encodings:[{ssrc:1234, scalabilityMode:'L1T3'}]}");
    assertThat(negotiate(MediaKind.VIDEO, vp8).type()).isEqualTo(ProducerType.SIMULCAST);
  }

  @Test
  void vp9ProfileSelectsTheRouterCodec() {
    RtpParameters p2 = params("""
        {mid:'1', codecs:[{mimeType:'video/VP9', payloadType:100, clockRate:90000, parameters:{'profile-id':2}}],
         encodings:[{ssrc:1}]}""");
    assertThat(negotiate(MediaKind.VIDEO, p2).rtpMapping().mappedPayloadType(100)).isEqualTo(105);
  }

  @Test
  void h264ProducerGetsTheNegotiatedProfileLevelId() {
    NegotiatedProducer asym = negotiate(MediaKind.VIDEO, ProducerFixtures.h264("42e034", true));
    assertThat(asym.rtpMapping().mappedPayloadType(102)).isEqualTo(107);
    assertThat(asym.consumableRtpParameters().codecs().get(0).parameters().get("profile-level-id")).isEqualTo("42e034");

    NegotiatedProducer sym = negotiate(MediaKind.VIDEO, ProducerFixtures.h264("42e034", false));
    assertThat(sym.consumableRtpParameters().codecs().get(0).parameters().get("profile-level-id")).isEqualTo("42e01f");
    assertThat(sym.rtpParameters().codecs().get(0).parameters().get("profile-level-id")).isEqualTo("42e01f");

    NegotiatedProducer main = negotiate(MediaKind.VIDEO, ProducerFixtures.h264("4d001f", true));
    assertThat(main.rtpMapping().mappedPayloadType(102)).isEqualTo(109);
    assertThat(main.rtpMapping().mappedPayloadType(103)).isEqualTo(110);
  }

  @Test
  void missingEncodingsBecomeOneWhenMidIdentifiesTheStream() {
    RtpParameters noEncodings = params("{mid:'5', " + ProducerFixtures.VP8_CODECS + "}");
    NegotiatedProducer p = negotiate(MediaKind.VIDEO, noEncodings);
    assertThat(p.rtpParameters().encodings()).hasSize(1);
    assertThat(toJson(p.rtpMapping().encodings().get(0)).fieldNames()).toIterable().containsExactly("mappedSsrc");
    assertThat(p.consumableRtpParameters().encodings()).hasSize(1);
  }

  @Test
  void errors() {
    assertRefused(MediaKind.VIDEO, "{mid:'1', codecs:[], encodings:[{ssrc:1}]}", "empty params.codecs");
    assertRefused(MediaKind.VIDEO,
        "{mid:'1', codecs:[{mimeType:'video/H265', payloadType:100, clockRate:90000}], encodings:[{ssrc:1}]}",
        "unsupported codec [mimeType:video/H265, payloadType:100]");
    assertRefused(MediaKind.VIDEO, """
        {mid:'1', codecs:[{mimeType:'video/H264', payloadType:100, clockRate:90000,
         parameters:{'packetization-mode':0, 'profile-level-id':'42e01f'}}], encodings:[{ssrc:1}]}""",
        "unsupported codec [mimeType:video/H264, payloadType:100]");
    assertRefused(MediaKind.VIDEO, """
        {mid:'1', codecs:[{mimeType:'video/VP8', payloadType:96, clockRate:90000},
                          {mimeType:'video/rtx', payloadType:97, clockRate:90000, parameters:{apt:95}}]}""",
        "missing media codec found for RTX PT 97");
    assertRefused(MediaKind.VIDEO, """
        {mid:'1', codecs:[{mimeType:'video/VP8', payloadType:96, clockRate:90000},
                          {mimeType:'video/rtx', payloadType:97, clockRate:90000}]}""",
        "missing apt parameter in RTX codec");
    assertRefused(MediaKind.VIDEO, """
        {mid:'1', codecs:[{mimeType:'video/VP8', payloadType:96, clockRate:90000},
                          {mimeType:'video/VP9', payloadType:96, clockRate:90000}]}""",
        "duplicated codec.payloadType");
    assertRefused(MediaKind.AUDIO, "{mid:'1', " + ProducerFixtures.VP8_CODECS + "}",
        "codec kind does not match producer kind [mimeType:video/VP8, kind:audio]");
    assertRefused(MediaKind.VIDEO, "{mid:'1', " + ProducerFixtures.VP8_CODECS + ", encodings:[{rid:'a'}, {}]}",
        "invalid encoding (missing ssrc or rid)");
    assertRefused(MediaKind.VIDEO, "{" + ProducerFixtures.VP8_CODECS + ", encodings:[{maxBitrate:1}]}",
        "invalid encoding (missing ssrc or rid, or rtpParameters.mid)");
    assertRefused(MediaKind.VIDEO, "{mid:'1', " + ProducerFixtures.VP8_CODECS + ", encodings:[{rid:'a'}, {rid:'a'}]}",
        "duplicated encoding.rid");
    assertRefused(MediaKind.VIDEO, "{mid:'1', " + ProducerFixtures.VP8_CODECS
        + ", encodings:[{ssrc:5, rtx:{ssrc:6}}, {ssrc:6}]}", "duplicated encoding.ssrc");
    assertRefused(MediaKind.VIDEO, "{mid:'1', " + ProducerFixtures.VP8_CODECS + ", encodings:[{ssrc:5, codecPayloadType:97}]}",
        "invalid encoding.codecPayloadType");
    assertRefused(MediaKind.VIDEO, "{mid:'1', " + ProducerFixtures.VP8_CODECS + ", encodings:[{ssrc:5, codecPayloadType:50}]}",
        "unknown encoding.codecPayloadType");
    assertRefused(MediaKind.VIDEO, """
        {mid:'1', codecs:[{mimeType:'video/VP9', payloadType:98, clockRate:90000}],
         encodings:[{rid:'r0'}, {rid:'r1'}]}""", "video/VP9 codec not supported for simulcast");
    assertRefused(MediaKind.AUDIO, """
        {mid:'1', codecs:[{mimeType:'audio/opus', payloadType:111, clockRate:48000, channels:2}],
         encodings:[{ssrc:1}, {ssrc:2}]}""", "audio/opus codec not supported for simulcast");
    assertRefused(MediaKind.VIDEO, "{mid:'1', " + ProducerFixtures.VP8_CODECS + ", "
        + "headerExtensions:[{uri:'urn:a', id:3}, {uri:'urn:b', id:3}], encodings:[{ssrc:1}]}", "duplicated ext.id");
  }

  @Test
  void rtxNeedsARouterRtxCodec() {
    RtpCapabilities audioOnly = ortc.generateRouterRtpCapabilities(java.util.List.of(
        new RtpCodecCapability(MediaKind.AUDIO, "audio/opus", null, 48000, 2, Map.of(), java.util.List.of())));
    RtpParameters audioWithRtx = params("""
        {mid:'0', codecs:[{mimeType:'audio/opus', payloadType:111, clockRate:48000, channels:2},
                          {mimeType:'audio/rtx', payloadType:112, clockRate:48000, parameters:{apt:111}}],
         encodings:[{ssrc:1}]}""");
    assertThatThrownBy(() -> ortc.negotiateProducer(MediaKind.AUDIO, audioWithRtx, audioOnly))
        .hasMessage("no RTX codec for capability codec PT 100");
  }

  private void assertRefused(MediaKind kind, String json, String message) {
    RtpParameters p = params(json);
    assertThatThrownBy(() -> negotiate(kind, p)).isInstanceOf(OrtcException.class).hasMessage(message);
  }
}
