package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A negotiated codec: {@code {mimeType, payloadType, clockRate, channels?, parameters,
 * rtcpFeedback}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RtpCodecParameters(
    String mimeType,
    int payloadType,
    int clockRate,
    Integer channels,
    Map<String, Object> parameters,
    List<RtcpFeedback> rtcpFeedback) {

  public RtpCodecParameters {
    Objects.requireNonNull(mimeType, "mimeType");
    parameters = Params.copy(parameters);
    rtcpFeedback = Params.copy(rtcpFeedback);
  }

  @JsonIgnore
  public boolean isRtx() {
    return Codecs.isRtx(mimeType);
  }

  /** For an RTX codec, the payload type it repairs ({@code apt}); null otherwise. */
  @JsonIgnore
  public Integer apt() {
    Long apt = Params.integer(parameters, "apt");
    return apt == null ? null : apt.intValue();
  }

  @JsonIgnore
  public MediaKind kind() {
    return Codecs.kindOf(mimeType);
  }

  RtpCodecParameters withParameters(Map<String, Object> newParameters) {
    return new RtpCodecParameters(
        mimeType, payloadType, clockRate, channels, newParameters, rtcpFeedback);
  }

  RtpCodecParameters withRtcpFeedback(List<RtcpFeedback> feedback) {
    return new RtpCodecParameters(mimeType, payloadType, clockRate, channels, parameters, feedback);
  }
}
