package dev.hongyan.bench;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} / {@code --name=value} options. Every getter names its default and records the
 * effective value, so the JSON report lists every parameter a run used, including the defaults; an option
 * nobody asked for is an error (a typo must not silently run the default).
 */
final class Options {

    private final Map<String, String> given = new LinkedHashMap<>();
    private final Map<String, Object> effective = new LinkedHashMap<>();
    private final Set<String> read = new LinkedHashSet<>();

    Options(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new IllegalArgumentException("expected --option, got \"" + arg + "\"");
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            } else {
                value = "true";
            }
            given.put(name, value);
        }
    }

    String string(String name, String defaultValue) {
        String value = raw(name, defaultValue);
        effective.put(name, value);
        return value;
    }

    int integer(String name, int defaultValue, int min, int max) {
        long value = parseLong(name, raw(name, Integer.toString(defaultValue)));
        if (value < min || value > max) {
            throw new IllegalArgumentException("--" + name + " must be in [" + min + ", " + max + "], got " + value);
        }
        effective.put(name, (int) value);
        return (int) value;
    }

    double decimal(String name, double defaultValue, double min, double max) {
        String text = raw(name, Double.toString(defaultValue));
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects a number, got \"" + text + "\"");
        }
        if (!(value >= min && value <= max)) {
            throw new IllegalArgumentException("--" + name + " must be in [" + min + ", " + max + "], got " + text);
        }
        effective.put(name, value);
        return value;
    }

    boolean flag(String name, boolean defaultValue) {
        String text = raw(name, Boolean.toString(defaultValue));
        if (!text.equals("true") && !text.equals("false")) {
            throw new IllegalArgumentException("--" + name + " is true or false, got \"" + text + "\"");
        }
        boolean value = Boolean.parseBoolean(text);
        effective.put(name, value);
        return value;
    }

    /** Throws when an option was given that no getter asked for. */
    void requireAllUsed() {
        for (String name : given.keySet()) {
            if (!read.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + " (./hongyan bench help)");
            }
        }
    }

    /** The parameters as used: given values and defaults, in the order they were read. */
    Map<String, Object> effective() {
        return effective;
    }

    private String raw(String name, String defaultValue) {
        read.add(name);
        return given.getOrDefault(name, defaultValue);
    }

    private static long parseLong(String name, String text) {
        try {
            return Long.parseLong(text.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " expects an integer, got \"" + text + "\"");
        }
    }
}
