package dev.hongyan.media.ortc;

import java.util.Map;
import java.util.Objects;

/** A negotiated header extension: {@code {uri, id, encrypt, parameters}}. */
public record RtpHeaderExtensionParameters(
    String uri, int id, boolean encrypt, Map<String, Object> parameters) {
  public RtpHeaderExtensionParameters {
    Objects.requireNonNull(uri, "uri");
    parameters = Params.copy(parameters);
  }
}
