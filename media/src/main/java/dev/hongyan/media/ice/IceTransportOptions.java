package dev.hongyan.media.ice;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-transport ICE settings.
 *
 * @param consentTimeout without a valid Binding request from the selected tuple for this long, consent is
 *                       lost and the transport goes {@link IceState#DISCONNECTED} (RFC 7675 §5.1 uses 30 s;
 *                       mediasoup-demo configures 20 s). Zero turns the check off.
 */
public record IceTransportOptions(Duration consentTimeout) {

    public static final Duration DEFAULT_CONSENT_TIMEOUT = Duration.ofSeconds(30);

    public IceTransportOptions {
        Objects.requireNonNull(consentTimeout, "consentTimeout");
        if (consentTimeout.isNegative()) {
            throw new IllegalArgumentException("consentTimeout must not be negative");
        }
    }

    public static IceTransportOptions defaults() {
        return new IceTransportOptions(DEFAULT_CONSENT_TIMEOUT);
    }
}
