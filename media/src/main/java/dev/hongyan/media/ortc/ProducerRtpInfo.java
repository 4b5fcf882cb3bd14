package dev.hongyan.media.ortc;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the packet path needs from a producer's negotiated parameters, as lookups rather than
 * lists: per payload type whether it is media or RTX and where it maps; per encoding its
 * identifiers and layer counts; header extension ids by URI.
 *
 * @param mediaCodecs producer payload type to media codec
 * @param rtxPayloadTypes RTX payload type to the media payload type it repairs (apt)
 * @param mappedPayloadTypes producer payload type to router payload type
 * @param headerExtensionIds URI to the id the producer uses
 */
public record ProducerRtpInfo(
    MediaKind kind,
    ProducerType type,
    Map<Integer, RtpCodecParameters> mediaCodecs,
    Map<Integer, Integer> rtxPayloadTypes,
    Map<Integer, Integer> mappedPayloadTypes,
    List<Encoding> encodings,
    Map<String, Integer> headerExtensionIds) {

  /**
   * One producer stream. {@code ssrc} and {@code rid} may both be null when a single stream is
   * identified by MID; {@code codecPayloadType} is the producer's media PT for this stream.
   */
  public record Encoding(
      int index,
      Long ssrc,
      String rid,
      Long rtxSsrc,
      long mappedSsrc,
      int codecPayloadType,
      int spatialLayers,
      int temporalLayers) {}

  public ProducerRtpInfo {
    mediaCodecs = Collections.unmodifiableMap(new LinkedHashMap<>(mediaCodecs));
    rtxPayloadTypes = Collections.unmodifiableMap(new LinkedHashMap<>(rtxPayloadTypes));
    mappedPayloadTypes = Collections.unmodifiableMap(new LinkedHashMap<>(mappedPayloadTypes));
    encodings = List.copyOf(encodings);
    headerExtensionIds = Collections.unmodifiableMap(new LinkedHashMap<>(headerExtensionIds));
  }

  public boolean isRtx(int payloadType) {
    return rtxPayloadTypes.containsKey(payloadType);
  }

  /** The header extension id for a URI, or 0 (never a valid id) when not negotiated. */
  public int headerExtensionId(String uri) {
    return headerExtensionIds.getOrDefault(uri, 0);
  }

  static ProducerRtpInfo of(MediaKind kind, RtpParameters params, RtpMapping mapping) {
    Map<Integer, RtpCodecParameters> media = new LinkedHashMap<>();
    Map<Integer, Integer> rtx = new LinkedHashMap<>();
    for (RtpCodecParameters codec : params.codecs()) {
      if (codec.isRtx()) {
        rtx.put(codec.payloadType(), codec.apt());
      } else {
        media.put(codec.payloadType(), codec);
      }
    }
    Map<Integer, Integer> mapped = new LinkedHashMap<>();
    for (RtpMapping.Codec c : mapping.codecs()) {
      mapped.put(c.payloadType(), c.mappedPayloadType());
    }
    List<Encoding> encodings = new ArrayList<>();
    for (int i = 0; i < params.encodings().size(); i++) {
      RtpEncodingParameters e = params.encodings().get(i);
      ScalabilityMode mode = ScalabilityMode.parse(e.scalabilityMode());
      encodings.add(
          new Encoding(
              i, e.ssrc(), e.rid(), e.rtx() == null ? null : e.rtx().ssrc(),
              mapping.encodings().get(i).mappedSsrc(),
              ProducerRtpNegotiation.codecForEncoding(params, e).payloadType(),
              mode.spatialLayers(), mode.temporalLayers()));
    }
    Map<String, Integer> exts = new LinkedHashMap<>();
    for (RtpHeaderExtensionParameters ext : params.headerExtensions()) {
      exts.putIfAbsent(ext.uri(), ext.id());
    }
    return new ProducerRtpInfo(
        kind, ProducerRtpNegotiation.type(params), media, rtx, mapped, encodings, exts);
  }
}
