package dev.hongyan.core.turn;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived TURN credentials by the "TURN REST API" scheme (draft-uberti-behave-turn-rest, coturn's
 * {@code use-auth-secret}): username {@code <unix expiry>:<clientId>}, credential
 * base64(HMAC-SHA1(secret, username)). The secret is shared with the TURN server only.
 */
public final class TurnCredentials {

    private final byte[] secret;
    private final List<String> urls;
    private final long ttlSeconds;
    private final Clock clock;

    public TurnCredentials(String secret, List<String> urls, long ttlSeconds, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.urls = List.copyOf(urls);
        this.ttlSeconds = ttlSeconds;
        this.clock = clock;
    }

    public IceServer issue(String clientId) {
        long expiry = clock.millis() / 1000 + ttlSeconds;
        String username = expiry + ":" + clientId;
        return new IceServer(urls, username, sign(username), ttlSeconds);
    }

    String sign(String username) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(username.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }

    /** One entry of RTCConfiguration.iceServers. */
    public record IceServer(List<String> urls, String username, String credential, Long ttl) {}
}
