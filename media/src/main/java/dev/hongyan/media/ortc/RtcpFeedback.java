package dev.hongyan.media.ortc;

import java.util.Objects;

/**
 * {@code {type, parameter}}. mediasoup normalises a missing parameter to {@code ""} and always
 * emits it, so this record never holds null.
 */
public record RtcpFeedback(String type, String parameter) {
  public RtcpFeedback {
    Objects.requireNonNull(type, "type");
    parameter = parameter == null ? "" : parameter;
  }

  public static RtcpFeedback of(String type) {
    return new RtcpFeedback(type, "");
  }
}
