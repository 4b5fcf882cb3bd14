package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Objects;

/**
 * {@code {mid?, codecs, headerExtensions, encodings, rtcp}}: what a producer sends or a consumer
 * receives. Consumers get their {@code mid} from the transport, hence {@link #withMid}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RtpParameters(
    String mid,
    List<RtpCodecParameters> codecs,
    List<RtpHeaderExtensionParameters> headerExtensions,
    List<RtpEncodingParameters> encodings,
    RtcpParameters rtcp) {

  public RtpParameters {
    codecs = Params.copy(codecs);
    headerExtensions = Params.copy(headerExtensions);
    encodings = Params.copy(encodings);
    Objects.requireNonNull(rtcp, "rtcp");
  }

  public RtpParameters withMid(String newMid) {
    return new RtpParameters(newMid, codecs, headerExtensions, encodings, rtcp);
  }

  public RtpParameters withRtcp(RtcpParameters newRtcp) {
    return new RtpParameters(mid, codecs, headerExtensions, encodings, newRtcp);
  }

  RtpParameters withCodecs(List<RtpCodecParameters> newCodecs) {
    return new RtpParameters(mid, newCodecs, headerExtensions, encodings, rtcp);
  }

  RtpParameters withEncodings(List<RtpEncodingParameters> newEncodings) {
    return new RtpParameters(mid, codecs, headerExtensions, newEncodings, rtcp);
  }
}
