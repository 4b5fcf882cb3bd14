package dev.hongyan.gateway.p2p;

import java.util.regex.Pattern;

/**
 * The names peers register under. The originals took any path segment; we keep names that are safe
 * in a URL path, in logs and as map keys, so a typo shows up as a clear refusal.
 */
final class DomainName {

    static final int MAX_LENGTH = 64;
    private static final Pattern SYNTAX = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:@-]{0," + (MAX_LENGTH - 1) + "}");

    private DomainName() {}

    /** Null when {@code text} is a valid domain, else why not. */
    static String problem(String text) {
        if (text == null || text.isEmpty()) {
            return "missing domain";
        }
        if (text.length() > MAX_LENGTH) {
            return "domain is longer than " + MAX_LENGTH + " characters";
        }
        if (!SYNTAX.matcher(text).matches()) {
            return "domain \"" + abbreviate(text) + "\" must be 1-" + MAX_LENGTH
                    + " of A-Z a-z 0-9 . _ : @ - and start with a letter or digit";
        }
        return null;
    }

    static String abbreviate(String text) {
        return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "…" : text;
    }
}
