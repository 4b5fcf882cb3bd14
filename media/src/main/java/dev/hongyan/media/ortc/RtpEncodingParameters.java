package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One encoding (RTP stream) of a producer or consumer. Every field is optional and omitted from
 * JSON when null, as in mediasoup. {@code priority}/{@code networkPriority} are the W3C values
 * {@code very-low|low|medium|high}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RtpEncodingParameters(
    Long ssrc,
    String rid,
    Integer codecPayloadType,
    RtxParameters rtx,
    Boolean dtx,
    String scalabilityMode,
    Double scaleResolutionDownBy,
    Long maxBitrate,
    Double maxFramerate,
    Boolean adaptivePtime,
    String priority,
    String networkPriority) {

  /** An encoding with only an SSRC (and optional RTX SSRC), as consumers get. */
  public static RtpEncodingParameters ofSsrc(long ssrc, Long rtxSsrc) {
    return new RtpEncodingParameters(
        ssrc, null, null, rtxSsrc == null ? null : new RtxParameters(rtxSsrc),
        null, null, null, null, null, null, null, null);
  }

  static RtpEncodingParameters empty() {
    return new RtpEncodingParameters(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  RtpEncodingParameters withSsrc(Long newSsrc, RtxParameters newRtx) {
    return new RtpEncodingParameters(
        newSsrc, rid, codecPayloadType, newRtx, dtx, scalabilityMode, scaleResolutionDownBy,
        maxBitrate, maxFramerate, adaptivePtime, priority, networkPriority);
  }

  /** What consumers see of a producer encoding: no rid, rtx or codecPayloadType; a mapped ssrc. */
  RtpEncodingParameters consumable(long mappedSsrc) {
    return new RtpEncodingParameters(
        mappedSsrc, null, null, null, dtx, scalabilityMode, scaleResolutionDownBy, maxBitrate,
        maxFramerate, adaptivePtime, priority, networkPriority);
  }

  RtpEncodingParameters withScalabilityModeAndMaxBitrate(String mode, Long bitrate) {
    return new RtpEncodingParameters(
        ssrc, rid, codecPayloadType, rtx, dtx, mode, scaleResolutionDownBy, bitrate,
        maxFramerate, adaptivePtime, priority, networkPriority);
  }
}
