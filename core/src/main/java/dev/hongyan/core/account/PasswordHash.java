package dev.hongyan.core.account;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A PBKDF2-HMAC-SHA256 password hash, stored as {@code pbkdf2-sha256$iterations$salt$hash} so that
 * hashes can be put in config files instead of plain passwords.
 */
public record PasswordHash(int iterations, byte[] salt, byte[] hash) {

    static final String PREFIX = "pbkdf2-sha256";
    static final int DEFAULT_ITERATIONS = 120_000;
    private static final int HASH_BYTES = 32;

    public static PasswordHash create(String password, SecureRandom random) {
        byte[] salt = new byte[16];
        random.nextBytes(salt);
        return new PasswordHash(DEFAULT_ITERATIONS, salt, derive(password, salt, DEFAULT_ITERATIONS));
    }

    /** Parses the encoded form; throws IllegalArgumentException on anything else. */
    public static PasswordHash parse(String encoded) {
        String[] parts = encoded.split("\\$");
        if (parts.length != 4 || !parts[0].equals(PREFIX)) {
            throw new IllegalArgumentException("not a " + PREFIX + " hash");
        }
        Base64.Decoder decoder = Base64.getDecoder();
        return new PasswordHash(Integer.parseInt(parts[1]), decoder.decode(parts[2]), decoder.decode(parts[3]));
    }

    public static boolean isEncoded(String text) {
        return text.startsWith(PREFIX + "$");
    }

    public String encode() {
        Base64.Encoder encoder = Base64.getEncoder();
        return PREFIX + "$" + iterations + "$" + encoder.encodeToString(salt) + "$" + encoder.encodeToString(hash);
    }

    /** Constant-time comparison; deliberately slow (that is the point of PBKDF2). */
    public boolean matches(String password) {
        return MessageDigest.isEqual(hash, derive(password, salt, iterations));
    }

    private static byte[] derive(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, HASH_BYTES * 8);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }
}
