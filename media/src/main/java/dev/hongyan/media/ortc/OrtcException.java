package dev.hongyan.media.ortc;

/**
 * Invalid or unsupported RTP parameters/capabilities. The message is meant for the remote peer
 * (protoo {@code errorReason}), so it follows mediasoup's wording where mediasoup has one.
 *
 * <p>mediasoup throws {@code TypeError} for malformed input and {@code UnsupportedError} for
 * well-formed input it cannot serve; {@link #unsupported()} keeps that distinction because the
 * broadcaster REST API answers 400 only for the former.
 */
public final class OrtcException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final boolean unsupported;

  private OrtcException(String message, boolean unsupported) {
    super(message);
    this.unsupported = unsupported;
  }

  static OrtcException invalid(String message) {
    return new OrtcException(message, false);
  }

  static OrtcException unsupported(String message) {
    return new OrtcException(message, true);
  }

  /** True when the input was well formed but names something this router cannot do. */
  public boolean unsupported() {
    return unsupported;
  }
}
