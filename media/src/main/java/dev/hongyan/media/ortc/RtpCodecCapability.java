package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One codec a router or endpoint can receive: {@code {kind, mimeType, preferredPayloadType?,
 * clockRate, channels?, parameters, rtcpFeedback}}. {@code channels} is set for audio only (1 when
 * the peer left it out), as mediasoup normalises it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RtpCodecCapability(
    MediaKind kind,
    String mimeType,
    Integer preferredPayloadType,
    int clockRate,
    Integer channels,
    Map<String, Object> parameters,
    List<RtcpFeedback> rtcpFeedback) {

  public RtpCodecCapability {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(mimeType, "mimeType");
    parameters = Params.copy(parameters);
    rtcpFeedback = Params.copy(rtcpFeedback);
  }

  @JsonIgnore
  public boolean isRtx() {
    return Codecs.isRtx(mimeType);
  }

  RtpCodecCapability withPreferredPayloadType(int payloadType) {
    return new RtpCodecCapability(
        kind, mimeType, payloadType, clockRate, channels, parameters, rtcpFeedback);
  }

  RtpCodecCapability withParameters(Map<String, Object> newParameters) {
    return new RtpCodecCapability(
        kind, mimeType, preferredPayloadType, clockRate, channels, newParameters, rtcpFeedback);
  }
}
