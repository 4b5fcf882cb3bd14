package dev.hongyan.core.client;

import dev.hongyan.core.error.CoreException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The kinds of terminal the native protocol knows (taoyao's list). Anything else is refused. */
public enum ClientType {
    WEB,
    MOBILE,
    CAMERA,
    MEDIA,
    SERVER,
    OTHER;

    /** Exact, case-sensitive match: clients send these names as they are. */
    public static ClientType parse(String text, String field) {
        if (text == null || text.isBlank()) {
            throw CoreException.invalid("missing " + field);
        }
        for (ClientType type : values()) {
            if (type.name().equals(text)) {
                return type;
            }
        }
        throw CoreException.invalid(field + " \"" + text + "\" is not one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
