package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code {cname?, reducedSize, mux?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RtcpParameters(String cname, boolean reducedSize, Boolean mux) {
  public RtcpParameters withCname(String newCname) {
    return new RtcpParameters(newCname, reducedSize, mux);
  }
}
