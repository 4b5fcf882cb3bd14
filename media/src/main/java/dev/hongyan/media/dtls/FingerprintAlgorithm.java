package dev.hongyan.media.dtls;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;

/** Hash functions mediasoup lists in dtlsParameters.fingerprints, weakest first (RFC 8122 §5 names). */
enum FingerprintAlgorithm {
    SHA_1("sha-1", "SHA-1"),
    SHA_224("sha-224", "SHA-224"),
    SHA_256("sha-256", "SHA-256"),
    SHA_384("sha-384", "SHA-384"),
    SHA_512("sha-512", "SHA-512");

    private final String wireName;
    private final String jcaName;

    FingerprintAlgorithm(String wireName, String jcaName) {
        this.wireName = wireName;
        this.jcaName = jcaName;
    }

    String wireName() {
        return wireName;
    }

    /** SDP and some clients write "SHA-256"; RFC 4572 says the token is case-insensitive. */
    static Optional<FingerprintAlgorithm> fromWireName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (FingerprintAlgorithm algorithm : values()) {
            if (algorithm.wireName.equals(lower)) {
                return Optional.of(algorithm);
            }
        }
        return Optional.empty();
    }

    byte[] digest(byte[] der) {
        try {
            return MessageDigest.getInstance(jcaName).digest(der);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("JDK lacks " + jcaName, e);
        }
    }

    /** Uppercase hex pairs joined by colons, as in SDP a=fingerprint and mediasoup's JSON. */
    String format(byte[] der) {
        byte[] hash = digest(der);
        StringBuilder text = new StringBuilder(hash.length * 3);
        for (byte b : hash) {
            if (text.length() > 0) {
                text.append(':');
            }
            text.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)));
            text.append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
        }
        return text.toString();
    }
}
