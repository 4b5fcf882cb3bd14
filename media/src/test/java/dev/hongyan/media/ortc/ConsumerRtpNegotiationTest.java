package dev.hongyan.media.ortc;

import static dev.hongyan.media.ortc.Fixtures.json;
import static dev.hongyan.media.ortc.Fixtures.toJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsumerRtpNegotiationTest {
  private static final String VIDEO_FB_FOR_CHROME =
      "[{type:'transport-cc', parameter:''}, {type:'ccm', parameter:'fir'}, {type:'nack', parameter:''}, {type:'nack', parameter:'pli'}]";

  private final Ortc ortc = Fixtures.ortc();
  private final RtpCapabilities router = Fixtures.routerCaps();
  private final RtpCapabilities chrome = Fixtures.chromeCaps();

  private NegotiatedProducer produce(MediaKind kind, RtpParameters params) {
    return ortc.negotiateProducer(kind, params, router);
  }

  @Test
  void audioConsumerForChrome() {
    NegotiatedProducer p = produce(MediaKind.AUDIO, ProducerFixtures.opus());
    assertThat(ortc.canConsume(p.consumableRtpParameters(), chrome)).isTrue();
    RtpParameters consumer = ortc.getConsumerRtpParameters(p.consumableRtpParameters(), chrome, false, true);
    long ssrc = consumer.encodings().get(0).ssrc();
    assertThat(ssrc).isBetween(Ortc.MIN_SSRC, Ortc.MAX_SSRC);
    // Like mediasoup, extensions match on uri and id only, not kind: Chrome lists playout-delay for
    // video, and the audio consumer gets it too.
    assertThat(toJson(consumer)).isEqualTo(json("""
        {codecs:[{mimeType:'audio/opus', payloadType:100, clockRate:48000, channels:2,
                  parameters:{minptime:10, useinbandfec:1, usedtx:1}, rtcpFeedback:[]}],
         headerExtensions:[
           {uri:'urn:ietf:params:rtp-hdrext:sdes:mid', id:1, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time', id:4, encrypt:false, parameters:{}},
           {uri:'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id:10, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay', id:14, encrypt:false, parameters:{}}],
         encodings:[{ssrc:%d}],
         rtcp:{cname:'Kq2Ug7eW', reducedSize:true}}""".formatted(ssrc)));
    assertThat(ConsumerType.of(p.type(), false)).isEqualTo(ConsumerType.SIMPLE);
  }

  @Test
  void simulcastConsumerGetsOneStreamWithLayersInScalabilityMode() {
    NegotiatedProducer p = produce(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastByRid());
    RtpParameters consumer =
        ortc.getConsumerRtpParameters(p.consumableRtpParameters(), chrome, false, true).withMid("3");
    long ssrc = consumer.encodings().get(0).ssrc();
    assertThat(toJson(consumer)).isEqualTo(json("""
        {mid:'3',
         codecs:[{mimeType:'video/VP8', payloadType:101, clockRate:90000, parameters:{}, rtcpFeedback:%s},
                 {mimeType:'video/rtx', payloadType:102, clockRate:90000, parameters:{apt:101}, rtcpFeedback:[]}],
         headerExtensions:[
           {uri:'urn:ietf:params:rtp-hdrext:sdes:mid', id:1, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time', id:4, encrypt:false, parameters:{}},
           {uri:'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01', id:5, encrypt:false, parameters:{}},
           {uri:'urn:3gpp:video-orientation', id:11, encrypt:false, parameters:{}},
           {uri:'urn:ietf:params:rtp-hdrext:toffset', id:12, encrypt:false, parameters:{}},
           {uri:'http://www.webrtc.org/experiments/rtp-hdrext/playout-delay', id:14, encrypt:false, parameters:{}}],
         encodings:[{ssrc:%d, rtx:{ssrc:%d}, scalabilityMode:'L3T3', maxBitrate:900000}],
         rtcp:{cname:'Kq2Ug7eW', reducedSize:true}}""".formatted(VIDEO_FB_FOR_CHROME, ssrc, ssrc + 1)));
    assertThat(ConsumerType.of(p.type(), false)).isEqualTo(ConsumerType.SIMULCAST);
  }

  @Test
  void simulcastWithoutScalabilityModeIsOneTemporalLayer() {
    RtpParameters params = RtpJson.parseRtpParameters(json("{mid:'1', " + ProducerFixtures.VP8_CODECS
        + ", encodings:[{rid:'r0'}, {rid:'r1'}]}"));
    RtpParameters consumer = ortc.getConsumerRtpParameters(
        produce(MediaKind.VIDEO, params).consumableRtpParameters(), chrome, false, true);
    assertThat(consumer.encodings().get(0).scalabilityMode()).isEqualTo("L2T1");
    assertThat(consumer.encodings().get(0).maxBitrate()).isNull();
  }

  @Test
  void svcConsumerKeepsTheProducerMode() {
    NegotiatedProducer p = produce(MediaKind.VIDEO, ProducerFixtures.vp9Svc());
    RtpParameters consumer = ortc.getConsumerRtpParameters(p.consumableRtpParameters(), chrome, false, true);
    assertThat(consumer.codecs()).extracting(RtpCodecParameters::payloadType).containsExactly(103, 104);
    assertThat(consumer.encodings().get(0).scalabilityMode()).isEqualTo("L3T3_KEY");
    assertThat(consumer.encodings().get(0).maxBitrate()).isEqualTo(1_500_000L);
    assertThat(ConsumerType.of(p.type(), false)).isEqualTo(ConsumerType.SVC);
  }

  @Test
  void h264ConsumerMatchesOnProfileNotLevel() {
    NegotiatedProducer main = produce(MediaKind.VIDEO, ProducerFixtures.h264("4d0032", true));
    RtpParameters consumer = ortc.getConsumerRtpParameters(main.consumableRtpParameters(), chrome, false, true);
    assertThat(consumer.codecs().get(0).parameters().get("profile-level-id")).isEqualTo("4d0032");
    assertThat(consumer.codecs()).extracting(RtpCodecParameters::payloadType).containsExactly(109, 110);
  }

  @Test
  void withoutRtxThereIsNoRtxCodecNoPlainNackAndNoRtxSsrc() {
    NegotiatedProducer p = produce(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastBySsrc());
    RtpParameters consumer = ortc.getConsumerRtpParameters(p.consumableRtpParameters(), chrome, false, false);
    assertThat(consumer.codecs()).extracting(RtpCodecParameters::mimeType).containsExactly("video/VP8");
    assertThat(consumer.codecs().get(0).rtcpFeedback()).containsExactly(
        RtcpFeedback.of("transport-cc"), new RtcpFeedback("ccm", "fir"), new RtcpFeedback("nack", "pli"));
    assertThat(consumer.encodings().get(0).rtx()).isNull();
  }

  @Test
  void bandwidthFeedbackFollowsNegotiatedExtensions() {
    RtpParameters consumable = produce(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastByRid()).consumableRtpParameters();
    RtpCapabilities absSendTimeOnly = withExtensions(SupportedRtpCapabilities.ABS_SEND_TIME, 4);
    assertThat(ortc.getConsumerRtpParameters(consumable, absSendTimeOnly, false, true).codecs().get(0).rtcpFeedback())
        .extracting(RtcpFeedback::type).contains("goog-remb").doesNotContain("transport-cc");
    RtpCapabilities none = withExtensions(SupportedRtpCapabilities.MID, 1);
    assertThat(ortc.getConsumerRtpParameters(consumable, none, false, true).codecs().get(0).rtcpFeedback())
        .extracting(RtcpFeedback::type).doesNotContain("goog-remb", "transport-cc");
    // An extension is used only when the endpoint has it under the router's id.
    RtpCapabilities wrongId = withExtensions(SupportedRtpCapabilities.TRANSPORT_WIDE_CC_01, 7);
    assertThat(ortc.getConsumerRtpParameters(consumable, wrongId, false, true).headerExtensions()).isEmpty();
  }

  private RtpCapabilities withExtensions(String uri, int id) {
    return new RtpCapabilities(router.codecs(),
        List.of(new RtpHeaderExtension(MediaKind.VIDEO, uri, id, false, RtpHeaderExtensionDirection.SENDRECV)));
  }

  @Test
  void pipeConsumerKeepsEveryEncoding() {
    NegotiatedProducer p = produce(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastByRid());
    RtpParameters viaCaps = ortc.getConsumerRtpParameters(p.consumableRtpParameters(), router, true, true);
    assertThat(viaCaps.encodings()).hasSize(3);
    assertThat(viaCaps.encodings().get(1).ssrc()).isEqualTo(viaCaps.encodings().get(0).ssrc() + 1);
    assertThat(viaCaps.encodings().get(1).rtx().ssrc()).isEqualTo(viaCaps.encodings().get(0).rtx().ssrc() + 1);

    RtpParameters pipe = ortc.getPipeConsumerRtpParameters(p.consumableRtpParameters(), false);
    assertThat(pipe.codecs()).extracting(RtpCodecParameters::mimeType).containsExactly("video/VP8");
    assertThat(pipe.codecs().get(0).rtcpFeedback()).containsExactly(new RtcpFeedback("nack", "pli"), new RtcpFeedback("ccm", "fir"));
    assertThat(pipe.headerExtensions()).extracting(RtpHeaderExtensionParameters::id).containsExactly(11, 12, 13, 14);
    assertThat(pipe.encodings()).hasSize(3).allMatch(e -> e.rtx() == null && e.scalabilityMode().equals("L1T3"));
  }

  @Test
  void cannotConsumeWithoutACommonCodec() {
    NegotiatedProducer vp8 = produce(MediaKind.VIDEO, ProducerFixtures.vp8SimulcastByRid());
    RtpCapabilities onlyVp9AndRtx = RtpJson.parseRtpCapabilities(json("""
        {codecs:[{kind:'video', mimeType:'video/VP9', preferredPayloadType:98, clockRate:90000},
                 {kind:'video', mimeType:'video/rtx', preferredPayloadType:99, clockRate:90000, parameters:{apt:98}}]}"""));
    assertThat(ortc.canConsume(vp8.consumableRtpParameters(), onlyVp9AndRtx)).isFalse();
    assertThatThrownBy(() -> ortc.getConsumerRtpParameters(vp8.consumableRtpParameters(), onlyVp9AndRtx, false, true))
        .isInstanceOf(OrtcException.class).hasMessage("no compatible media codecs");

    NegotiatedProducer opus = produce(MediaKind.AUDIO, ProducerFixtures.opus());
    RtpCapabilities monoOpus = RtpJson.parseRtpCapabilities(json(
        "{codecs:[{kind:'audio', mimeType:'audio/opus', preferredPayloadType:111, clockRate:48000}]}"));
    assertThat(ortc.canConsume(opus.consumableRtpParameters(), monoOpus)).isFalse();
    assertThat(ortc.canConsume(opus.consumableRtpParameters(), new RtpCapabilities(List.of(), List.of()))).isFalse();

    // Baseline-only H264 endpoint cannot take Main.
    NegotiatedProducer main = produce(MediaKind.VIDEO, ProducerFixtures.h264("4d0032", true));
    RtpCapabilities baselineOnly = RtpJson.parseRtpCapabilities(json("""
        {codecs:[{kind:'video', mimeType:'video/H264', preferredPayloadType:102, clockRate:90000,
                  parameters:{'packetization-mode':1, 'profile-level-id':'42e01f'}}]}"""));
    assertThat(ortc.canConsume(main.consumableRtpParameters(), baselineOnly)).isFalse();
  }

  @Test
  void consumerSsrcsAreFreshEachTime() {
    RtpParameters consumable = produce(MediaKind.AUDIO, ProducerFixtures.opus()).consumableRtpParameters();
    long a = ortc.getConsumerRtpParameters(consumable, chrome, false, true).encodings().get(0).ssrc();
    long b = ortc.getConsumerRtpParameters(consumable, chrome, false, true).encodings().get(0).ssrc();
    assertThat(a).isNotEqualTo(b);
  }
}
