package dev.hongyan.media.ice;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Local ICE credentials in mediasoup's JSON shape {@code {usernameFragment, password, iceLite}}.
 * Generated values use 16 and 32 characters of [a-z0-9] (ice-chars, RFC 8839 §5.4), about 82 and 165 bits.
 */
public record IceParameters(String usernameFragment, String password, boolean iceLite) {

    static final int UFRAG_LENGTH = 16;
    static final int PASSWORD_LENGTH = 32;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    public IceParameters {
        Objects.requireNonNull(usernameFragment, "usernameFragment");
        Objects.requireNonNull(password, "password");
        // RFC 8839: ufrag 4..256 and pwd 22..256 ice-chars; ':' must never appear since it splits USERNAME.
        if (usernameFragment.length() < 4 || usernameFragment.length() > 256 || !iceChars(usernameFragment)) {
            throw new IllegalArgumentException("ufrag must be 4..256 ice-chars");
        }
        if (password.length() < 22 || password.length() > 256 || !iceChars(password)) {
            throw new IllegalArgumentException("password must be 22..256 ice-chars");
        }
    }

    public static IceParameters generate(SecureRandom random) {
        return new IceParameters(randomString(random, UFRAG_LENGTH), randomString(random, PASSWORD_LENGTH), true);
    }

    private static String randomString(SecureRandom random, int length) {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length())); // nextInt(n) is unbiased
        }
        return new String(chars);
    }

    private static boolean iceChars(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() { // keep the password out of logs
        return "IceParameters[usernameFragment=" + usernameFragment + ", iceLite=" + iceLite + "]";
    }
}
