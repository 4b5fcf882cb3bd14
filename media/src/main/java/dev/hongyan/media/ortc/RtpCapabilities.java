package dev.hongyan.media.ortc;

import java.util.List;

/** {@code {codecs, headerExtensions}}: what a router or an endpoint can receive. */
public record RtpCapabilities(List<RtpCodecCapability> codecs, List<RtpHeaderExtension> headerExtensions) {
  public RtpCapabilities {
    codecs = Params.copy(codecs);
    headerExtensions = Params.copy(headerExtensions);
  }
}
