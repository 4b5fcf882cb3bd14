package dev.hongyan.media.ortc;

import java.util.Objects;

/**
 * A header extension capability: {@code {kind, uri, preferredId, preferredEncrypt, direction}}.
 * mediasoup fills {@code preferredEncrypt=false} and {@code direction='sendrecv'} when absent and
 * always emits them.
 */
public record RtpHeaderExtension(
    MediaKind kind,
    String uri,
    int preferredId,
    boolean preferredEncrypt,
    RtpHeaderExtensionDirection direction) {

  public RtpHeaderExtension {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(uri, "uri");
    direction = direction == null ? RtpHeaderExtensionDirection.SENDRECV : direction;
  }
}
