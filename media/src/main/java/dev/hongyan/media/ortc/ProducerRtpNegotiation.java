package dev.hongyan.media.ortc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Producer side of mediasoup's ortc: check what a peer wants to send, map its payload types and
 * streams onto the router's, and derive the "consumable" parameters every consumer is cut from.
 * The checks are the union of what mediasoup's Node layer and its worker enforce, so a request the
 * worker would refuse is refused here with a message rather than later in the engine.
 */
final class ProducerRtpNegotiation {
  private ProducerRtpNegotiation() {}

  /**
   * Validates producer parameters and fills mediasoup's defaults: with no encodings, one empty
   * encoding (the stream is then found by MID or payload type).
   */
  static RtpParameters normalize(MediaKind kind, RtpParameters params) {
    if (params.codecs().isEmpty()) {
      throw OrtcException.invalid("empty params.codecs");
    }
    Map<Integer, RtpCodecParameters> byPt = new HashMap<>();
    for (RtpCodecParameters codec : params.codecs()) {
      if (codec.kind() != kind) {
        throw OrtcException.invalid(
            "codec kind does not match producer kind [mimeType:" + codec.mimeType() + ", kind:" + kind + "]");
      }
      if (byPt.putIfAbsent(codec.payloadType(), codec) != null) {
        throw OrtcException.invalid("duplicated codec.payloadType");
      }
    }
    for (RtpCodecParameters codec : params.codecs()) {
      if (!codec.isRtx()) {
        continue;
      }
      Integer apt = codec.apt();
      if (apt == null) {
        throw OrtcException.invalid("missing apt parameter in RTX codec");
      }
      RtpCodecParameters media = byPt.get(apt);
      if (media == null) {
        throw OrtcException.invalid("missing media codec found for RTX PT " + codec.payloadType());
      }
      if (media.isRtx()) {
        throw OrtcException.invalid("apt in RTX codec points to a RTX codec");
      }
    }
    if (params.codecs().stream().allMatch(RtpCodecParameters::isRtx)) {
      throw OrtcException.invalid("no media codecs found");
    }

    Set<Integer> extIds = new HashSet<>();
    for (RtpHeaderExtensionParameters ext : params.headerExtensions()) {
      if (!extIds.add(ext.id())) {
        throw OrtcException.invalid("duplicated ext.id");
      }
    }

    List<RtpEncodingParameters> encodings = params.encodings();
    if (encodings.isEmpty()) {
      encodings = List.of(RtpEncodingParameters.empty());
    }
    Set<Long> ssrcs = new HashSet<>();
    Set<String> rids = new HashSet<>();
    for (RtpEncodingParameters encoding : encodings) {
      if (encoding.codecPayloadType() != null) {
        RtpCodecParameters codec = byPt.get(encoding.codecPayloadType());
        if (codec == null) {
          throw OrtcException.invalid("unknown encoding.codecPayloadType");
        }
        if (codec.isRtx()) {
          throw OrtcException.invalid("invalid encoding.codecPayloadType");
        }
      }
      boolean identified = encoding.ssrc() != null || encoding.rid() != null;
      if (encodings.size() > 1 && !identified) {
        throw OrtcException.invalid("invalid encoding (missing ssrc or rid)");
      }
      if (encodings.size() == 1 && !identified && params.mid() == null) {
        throw OrtcException.invalid("invalid encoding (missing ssrc or rid, or rtpParameters.mid)");
      }
      if (encoding.ssrc() != null && !ssrcs.add(encoding.ssrc())) {
        throw OrtcException.invalid("duplicated encoding.ssrc");
      }
      if (encoding.rtx() != null && !ssrcs.add(encoding.rtx().ssrc())) {
        throw OrtcException.invalid("duplicated encoding.rtx.ssrc");
      }
      if (encoding.rid() != null && !rids.add(encoding.rid())) {
        throw OrtcException.invalid("duplicated encoding.rid");
      }
    }
    RtpParameters normalized = params.withEncodings(encodings);
    type(normalized); // Refuses codec/type combinations the engine cannot forward.
    return normalized;
  }

  /**
   * mediasoup's producer type: several encodings are simulcast; one encoding with several spatial
   * or temporal layers is SVC if the codec carries layers in one stream (VP9, AV1), simulcast if
   * its layers are forwarded by stream switching (VP8, H264 temporal layers); else simple.
   */
  static ProducerType type(RtpParameters params) {
    RtpEncodingParameters first = params.encodings().get(0);
    String mime = Codecs.lower(codecForEncoding(params, first).mimeType());
    ProducerType type;
    if (params.encodings().size() > 1) {
      type = ProducerType.SIMULCAST;
    } else {
      ScalabilityMode mode = ScalabilityMode.parse(first.scalabilityMode());
      if (mode.spatialLayers() == 1 && mode.temporalLayers() == 1) {
        return ProducerType.SIMPLE;
      }
      type = isSvcCodec(mime) ? ProducerType.SVC : ProducerType.SIMULCAST;
    }
    if (type == ProducerType.SIMULCAST && !isSimulcastCodec(mime)) {
      throw OrtcException.unsupported(
          codecForEncoding(params, first).mimeType() + " codec not supported for " + type);
    }
    return type;
  }

  private static boolean isSimulcastCodec(String lowerMime) {
    return lowerMime.equals("video/vp8") || lowerMime.equals("video/h264");
  }

  private static boolean isSvcCodec(String lowerMime) {
    return lowerMime.equals("video/vp9") || lowerMime.equals("video/av1");
  }

  /** The codec an encoding uses: its codecPayloadType, else the first media codec. */
  static RtpCodecParameters codecForEncoding(RtpParameters params, RtpEncodingParameters encoding) {
    for (RtpCodecParameters codec : params.codecs()) {
      if (encoding.codecPayloadType() == null
          ? !codec.isRtx()
          : codec.payloadType() == encoding.codecPayloadType()) {
        return codec;
      }
    }
    throw OrtcException.invalid("no media codecs found");
  }

  /** mediasoup's getProducerRtpParametersMapping. */
  static RtpMapping mapping(RtpParameters params, RtpCapabilities caps, LongSupplier ssrcs) {
    Map<RtpCodecParameters, RtpCodecCapability> codecToCap = new LinkedHashMap<>();
    for (RtpCodecParameters codec : params.codecs()) {
      if (codec.isRtx()) {
        continue;
      }
      RtpCodecCapability cap = matchRouterCodec(codec, caps);
      if (cap == null) {
        throw OrtcException.unsupported(
            "unsupported codec [mimeType:" + codec.mimeType() + ", payloadType:" + codec.payloadType() + "]");
      }
      codecToCap.put(codec, cap);
    }
    for (RtpCodecParameters codec : params.codecs()) {
      if (!codec.isRtx()) {
        continue;
      }
      RtpCodecParameters media =
          params.codecs().stream()
              .filter(c -> codec.apt() != null && c.payloadType() == codec.apt())
              .findFirst()
              .orElseThrow(() -> OrtcException.invalid(
                  "missing media codec found for RTX PT " + codec.payloadType()));
      RtpCodecCapability capMedia = codecToCap.get(media);
      if (capMedia == null) {
        throw OrtcException.invalid("apt in RTX codec points to a RTX codec");
      }
      RtpCodecCapability capRtx = rtxFor(caps, capMedia.preferredPayloadType());
      if (capRtx == null) {
        throw OrtcException.unsupported(
            "no RTX codec for capability codec PT " + capMedia.preferredPayloadType());
      }
      codecToCap.put(codec, capRtx);
    }
    List<RtpMapping.Codec> codecs = new ArrayList<>();
    codecToCap.forEach(
        (codec, cap) -> codecs.add(new RtpMapping.Codec(codec.payloadType(), cap.preferredPayloadType())));

    List<RtpMapping.Encoding> encodings = new ArrayList<>();
    long mappedSsrc = ssrcs.getAsLong();
    for (RtpEncodingParameters encoding : params.encodings()) {
      encodings.add(
          new RtpMapping.Encoding(encoding.ssrc(), encoding.rid(), encoding.scalabilityMode(), mappedSsrc++));
    }
    return new RtpMapping(codecs, encodings);
  }

  /** The router codec a producer codec is sent as: first strict match in router order. */
  static RtpCodecCapability matchRouterCodec(RtpCodecParameters codec, RtpCapabilities caps) {
    for (RtpCodecCapability cap : caps.codecs()) {
      if (CodecMatcher.matches(CodecMatcher.Codec.of(codec), CodecMatcher.Codec.of(cap), true)) {
        return cap;
      }
    }
    return null;
  }

  static RtpCodecCapability rtxFor(RtpCapabilities caps, Integer mediaPayloadType) {
    for (RtpCodecCapability cap : caps.codecs()) {
      if (cap.isRtx() && mediaPayloadType != null
          && Params.integer(cap.parameters(), "apt", -1) == mediaPayloadType) {
        return cap;
      }
    }
    return null;
  }

  /**
   * mediasoup's getConsumableRtpParameters: router payload types and feedback, the producer's own
   * codec parameters (with H264 profile-level-id as negotiated), the router's header extensions
   * that consumers may receive for this kind, and the producer's encodings under mapped SSRCs.
   */
  static RtpParameters consumable(
      MediaKind kind, RtpParameters params, RtpCapabilities caps, RtpMapping mapping) {
    if (mapping.encodings().size() != params.encodings().size()) {
      throw new IllegalArgumentException("rtpMapping does not belong to these rtpParameters");
    }
    List<RtpCodecParameters> codecs = new ArrayList<>();
    for (RtpCodecParameters codec : params.codecs()) {
      if (codec.isRtx()) {
        continue;
      }
      Integer mappedPt = mapping.mappedPayloadType(codec.payloadType());
      RtpCodecCapability cap =
          caps.codecs().stream()
              .filter(c -> mappedPt != null && c.preferredPayloadType() != null
                  && c.preferredPayloadType().intValue() == mappedPt)
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException(
                  "rtpMapping has no router codec for payloadType " + codec.payloadType()));
      codecs.add(
          new RtpCodecParameters(
              cap.mimeType(), cap.preferredPayloadType(), cap.clockRate(), cap.channels(),
              CodecMatcher.producerParameters(codec, cap), cap.rtcpFeedback()));
      RtpCodecCapability rtx = rtxFor(caps, cap.preferredPayloadType());
      if (rtx != null) {
        codecs.add(
            new RtpCodecParameters(
                rtx.mimeType(), rtx.preferredPayloadType(), rtx.clockRate(), null,
                rtx.parameters(), rtx.rtcpFeedback()));
      }
    }
    List<RtpHeaderExtensionParameters> exts = new ArrayList<>();
    for (RtpHeaderExtension ext : caps.headerExtensions()) {
      if (ext.kind() == kind && ext.direction().routerSends()) {
        exts.add(new RtpHeaderExtensionParameters(ext.uri(), ext.preferredId(), ext.preferredEncrypt(), Map.of()));
      }
    }
    List<RtpEncodingParameters> encodings = new ArrayList<>();
    for (int i = 0; i < params.encodings().size(); i++) {
      encodings.add(params.encodings().get(i).consumable(mapping.encodings().get(i).mappedSsrc()));
    }
    return new RtpParameters(
        null, codecs, exts, encodings, new RtcpParameters(params.rtcp().cname(), true, null));
  }

  /** The producer's parameters as the router keeps them (H264 profile-level-id negotiated). */
  static RtpParameters adjusted(RtpParameters params, RtpCapabilities caps, RtpMapping mapping) {
    List<RtpCodecParameters> codecs = new ArrayList<>();
    for (RtpCodecParameters codec : params.codecs()) {
      Integer mappedPt = mapping.mappedPayloadType(codec.payloadType());
      RtpCodecCapability cap =
          codec.isRtx() || mappedPt == null
              ? null
              : caps.codecs().stream()
                  .filter(c -> c.preferredPayloadType() != null && c.preferredPayloadType().intValue() == mappedPt)
                  .findFirst()
                  .orElse(null);
      codecs.add(cap == null ? codec : codec.withParameters(CodecMatcher.producerParameters(codec, cap)));
    }
    return params.withCodecs(codecs);
  }
}
