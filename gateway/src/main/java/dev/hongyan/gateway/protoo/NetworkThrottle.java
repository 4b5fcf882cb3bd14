package dev.hongyan.gateway.protoo;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * mediasoup-demo's network throttle (it runs {@code tc} on the host through @sitespeed.io/throttle). The
 * secret check is kept, so an unconfigured or wrong secret gets the demo's 403; a right one gets a plain
 * refusal because this server never touches the host's traffic control.
 */
final class NetworkThrottle {

    private NetworkThrottle() {}

    static void refuse(ProtooExchange exchange, String secret) {
        String expected = exchange.settings().networkThrottleSecret();
        if (expected.isEmpty() || secret == null
                || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), secret.getBytes(StandardCharsets.UTF_8))) {
            // The demo's reason carries a rude suffix; the first words are what clients may match on.
            throw CoreException.forbidden("operation NOT allowed");
        }
        throw new CoreException(ErrorCode.NOT_IMPLEMENTED,
                "network throttling is not available: this server does not run tc on its host");
    }
}
