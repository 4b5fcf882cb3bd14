package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * How a producer's payload types and streams map onto the router's: {@code {codecs:[{payloadType,
 * mappedPayloadType}], encodings:[{ssrc?, rid?, scalabilityMode?, mappedSsrc}]}}. Encodings are in
 * the producer's order; mapped SSRCs are what consumers see as the producer's streams.
 */
public record RtpMapping(List<Codec> codecs, List<Encoding> encodings) {
  public RtpMapping {
    codecs = List.copyOf(codecs);
    encodings = List.copyOf(encodings);
  }

  public record Codec(int payloadType, int mappedPayloadType) {}

  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Encoding(Long ssrc, String rid, String scalabilityMode, long mappedSsrc) {}

  /** The router payload type for a producer payload type, or null if unmapped. */
  public Integer mappedPayloadType(int payloadType) {
    for (Codec c : codecs) {
      if (c.payloadType() == payloadType) {
        return c.mappedPayloadType();
      }
    }
    return null;
  }
}
