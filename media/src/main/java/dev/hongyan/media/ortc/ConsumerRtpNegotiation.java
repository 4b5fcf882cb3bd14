package dev.hongyan.media.ortc;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Consumer side of mediasoup's ortc: whether an endpoint can receive a producer, and the exact
 * parameters it receives it with.
 */
final class ConsumerRtpNegotiation {
  private ConsumerRtpNegotiation() {}

  /** True when the endpoint can decode at least the producer's first (preferred) media codec. */
  static boolean canConsume(RtpParameters consumable, RtpCapabilities caps) {
    for (RtpCodecParameters codec : consumable.codecs()) {
      if (remoteMatch(codec, caps) != null) {
        // mediasoup looks at the first matching codec only: it must be a media codec.
        return !codec.isRtx();
      }
    }
    return false;
  }

  private static RtpCodecCapability remoteMatch(RtpCodecParameters codec, RtpCapabilities caps) {
    for (RtpCodecCapability cap : caps.codecs()) {
      if (CodecMatcher.matches(CodecMatcher.Codec.of(cap), CodecMatcher.Codec.of(codec), true)) {
        return cap;
      }
    }
    return null;
  }

  /**
   * mediasoup's getConsumerRtpParameters. Codecs the endpoint supports, in the router's order,
   * with the endpoint's feedback (plain NACK dropped without RTX); RTX only next to a kept media
   * codec; header extensions both sides use with the same id; transport-cc preferred over REMB.
   * Non-pipe consumers get a single fresh encoding whose scalabilityMode tells the client how many
   * layers it may select: L{encodings}T{temporal layers} for simulcast, the producer's mode for SVC.
   */
  static RtpParameters consumerParameters(
      RtpParameters consumable, RtpCapabilities caps, boolean pipe, boolean enableRtx, LongSupplier ssrcs) {
    List<RtpCodecParameters> codecs = new ArrayList<>();
    for (RtpCodecParameters codec : consumable.codecs()) {
      if (!enableRtx && codec.isRtx()) {
        continue;
      }
      RtpCodecCapability cap = remoteMatch(codec, caps);
      if (cap == null) {
        continue;
      }
      List<RtcpFeedback> feedback =
          cap.rtcpFeedback().stream()
              .filter(fb -> enableRtx || !fb.type().equals("nack") || !fb.parameter().isEmpty())
              .toList();
      codecs.add(codec.withRtcpFeedback(feedback));
    }
    boolean rtxSupported = false;
    for (int i = codecs.size() - 1; i >= 0; i--) {
      RtpCodecParameters codec = codecs.get(i);
      if (!codec.isRtx()) {
        continue;
      }
      Integer apt = codec.apt();
      boolean hasMedia = codecs.stream().anyMatch(c -> apt != null && c.payloadType() == apt);
      if (hasMedia) {
        rtxSupported = true;
      } else {
        codecs.remove(i);
      }
    }
    if (codecs.isEmpty() || codecs.get(0).isRtx()) {
      throw OrtcException.unsupported("no compatible media codecs");
    }

    List<RtpHeaderExtensionParameters> exts =
        consumable.headerExtensions().stream()
            .filter(ext -> caps.headerExtensions().stream()
                .anyMatch(c -> c.preferredId() == ext.id() && c.uri().equals(ext.uri())))
            .toList();
    codecs = reduceBandwidthFeedback(codecs, exts);

    List<RtpEncodingParameters> encodings = new ArrayList<>();
    if (!pipe) {
      long ssrc = ssrcs.getAsLong();
      RtpEncodingParameters encoding = RtpEncodingParameters.ofSsrc(ssrc, rtxSupported ? ssrc + 1 : null);
      String mode = null;
      for (RtpEncodingParameters e : consumable.encodings()) {
        if (e.scalabilityMode() != null && !e.scalabilityMode().isEmpty()) {
          mode = e.scalabilityMode();
          break;
        }
      }
      if (consumable.encodings().size() > 1) {
        // Simulcast streams become the spatial layers of the one stream the consumer receives.
        mode = "L" + consumable.encodings().size() + "T" + ScalabilityMode.parse(mode).temporalLayers();
      }
      long maxBitrate = 0;
      for (RtpEncodingParameters e : consumable.encodings()) {
        if (e.maxBitrate() != null && e.maxBitrate() > maxBitrate) {
          maxBitrate = e.maxBitrate();
        }
      }
      encodings.add(encoding.withScalabilityModeAndMaxBitrate(mode, maxBitrate > 0 ? maxBitrate : null));
    } else {
      long baseSsrc = ssrcs.getAsLong();
      long baseRtxSsrc = ssrcs.getAsLong();
      for (int i = 0; i < consumable.encodings().size(); i++) {
        encodings.add(consumable.encodings().get(i)
            .withSsrc(baseSsrc + i, rtxSupported ? new RtxParameters(baseRtxSsrc + i) : null));
      }
    }
    return new RtpParameters(null, codecs, exts, encodings, consumable.rtcp());
  }

  /**
   * Only one congestion-control feedback is useful: transport-cc when its extension is
   * negotiated, else REMB when abs-send-time is, else neither.
   */
  private static List<RtpCodecParameters> reduceBandwidthFeedback(
      List<RtpCodecParameters> codecs, List<RtpHeaderExtensionParameters> exts) {
    boolean twcc = exts.stream().anyMatch(e -> e.uri().equals(SupportedRtpCapabilities.TRANSPORT_WIDE_CC_01));
    boolean absSendTime = exts.stream().anyMatch(e -> e.uri().equals(SupportedRtpCapabilities.ABS_SEND_TIME));
    List<RtpCodecParameters> out = new ArrayList<>();
    for (RtpCodecParameters codec : codecs) {
      out.add(codec.withRtcpFeedback(codec.rtcpFeedback().stream()
          .filter(fb -> twcc
              ? !fb.type().equals("goog-remb")
              : absSendTime
                  ? !fb.type().equals("transport-cc")
                  : !fb.type().equals("transport-cc") && !fb.type().equals("goog-remb"))
          .toList()));
    }
    return out;
  }

  /**
   * mediasoup's getPipeConsumerRtpParameters: every encoding kept, no bandwidth estimation and no
   * transport-level MID; NACK and RTX only if enabled.
   */
  static RtpParameters pipeConsumerParameters(RtpParameters consumable, boolean enableRtx, LongSupplier ssrcs) {
    List<RtpCodecParameters> codecs = new ArrayList<>();
    for (RtpCodecParameters codec : consumable.codecs()) {
      if (!enableRtx && codec.isRtx()) {
        continue;
      }
      codecs.add(codec.withRtcpFeedback(codec.rtcpFeedback().stream()
          .filter(fb -> (fb.type().equals("nack") && fb.parameter().equals("pli"))
              || (fb.type().equals("ccm") && fb.parameter().equals("fir"))
              || (enableRtx && fb.type().equals("nack") && fb.parameter().isEmpty()))
          .toList()));
    }
    List<RtpHeaderExtensionParameters> exts =
        consumable.headerExtensions().stream()
            .filter(e -> !e.uri().equals(SupportedRtpCapabilities.MID)
                && !e.uri().equals(SupportedRtpCapabilities.ABS_SEND_TIME)
                && !e.uri().equals(SupportedRtpCapabilities.TRANSPORT_WIDE_CC_01))
            .toList();
    long baseSsrc = ssrcs.getAsLong();
    long baseRtxSsrc = ssrcs.getAsLong();
    List<RtpEncodingParameters> encodings = new ArrayList<>();
    for (int i = 0; i < consumable.encodings().size(); i++) {
      encodings.add(consumable.encodings().get(i)
          .withSsrc(baseSsrc + i, enableRtx ? new RtxParameters(baseRtxSsrc + i) : null));
    }
    return new RtpParameters(null, codecs, exts, encodings, consumable.rtcp());
  }
}
