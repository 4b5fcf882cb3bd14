package dev.hongyan.core.room;

import dev.hongyan.core.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A room's password, kept only as a PBKDF2 hash. PBKDF2 is slow on purpose, and a meeting of a
 * hundred people entering with the same password would cost seconds of CPU; so, as for logins, once
 * a password has matched, an HMAC of it under a random per-room key is remembered and later entries
 * with the same password are checked in microseconds. A wrong password always pays the full PBKDF2
 * price (and is throttled). Thread-safe: verification runs off the room's executor.
 */
final class RoomPassword {

    private final PasswordHash hash;
    private final byte[] cacheKey = new byte[32];
    private volatile byte[] verified;

    private RoomPassword(PasswordHash hash, SecureRandom random) {
        this.hash = hash;
        random.nextBytes(cacheKey);
    }

    /** Slow (PBKDF2): never call it on an event loop or a room's executor. */
    static RoomPassword hash(String password, SecureRandom random) {
        return new RoomPassword(PasswordHash.create(password, random), random);
    }

    /** True when {@code password} is known to match without running PBKDF2. */
    boolean matchesCached(String password) {
        byte[] known = verified;
        return known != null && MessageDigest.isEqual(known, mac(password));
    }

    /** Slow (PBKDF2) unless the password has matched before. */
    boolean matches(String password) {
        if (matchesCached(password)) {
            return true;
        }
        if (hash.matches(password)) {
            verified = mac(password);
            return true;
        }
        return false;
    }

    private byte[] mac(String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(cacheKey, "HmacSHA256"));
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
