package dev.hongyan.server.config;

import java.util.List;
import java.util.Locale;

/** Derives the environment variable that overrides a key: {@code limits.maxFrameBytes -> HONGYAN_LIMITS_MAX_FRAME_BYTES}. */
final class EnvNames {

    static final String PREFIX = "HONGYAN_";

    private EnvNames() {}

    static String of(List<String> path) {
        StringBuilder name = new StringBuilder(PREFIX);
        for (int i = 0; i < path.size(); i++) {
            if (i > 0) {
                name.append('_');
            }
            name.append(upperSnake(path.get(i)));
        }
        return name.toString();
    }

    static String upperSnake(String segment) {
        StringBuilder out = new StringBuilder(segment.length() + 4);
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            // A word starts at an upper-case letter that follows a lower-case letter or a digit,
            // or that starts the last capital of an acronym ("rtpURLPath" -> RTP_URL_PATH).
            if (i > 0 && Character.isUpperCase(c)) {
                char prev = segment.charAt(i - 1);
                boolean nextLower = i + 1 < segment.length() && Character.isLowerCase(segment.charAt(i + 1));
                if (Character.isLowerCase(prev) || Character.isDigit(prev) || (Character.isUpperCase(prev) && nextLower)) {
                    out.append('_');
                }
            }
            out.append(c == '-' || c == '.' ? '_' : c);
        }
        return out.toString().toUpperCase(Locale.ROOT);
    }
}
