package dev.hongyan.core.error;

import java.util.Collection;

/** Validation helpers for record constructors: each failure names the field the client got wrong. */
public final class Require {

    private Require() {}

    public static String text(String value, String field) {
        if (value == null || value.isBlank()) {
            throw CoreException.invalid("missing " + field);
        }
        return value;
    }

    public static String text(String value, String field, int maxLength) {
        text(value, field);
        if (value.length() > maxLength) {
            throw CoreException.invalid(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static String optionalText(String value, String field, int maxLength) {
        maxLength(value, field, maxLength);
        return value == null || value.isBlank() ? null : value;
    }

    /** {@code value} as it is (null and blank allowed), refused only when longer than {@code maxLength}. */
    public static String maxLength(String value, String field, int maxLength) {
        if (value != null && value.length() > maxLength) {
            throw CoreException.invalid(field + " is longer than " + maxLength + " characters");
        }
        return value;
    }

    public static <T> T present(T value, String field) {
        if (value == null) {
            throw CoreException.invalid("missing " + field);
        }
        return value;
    }

    public static <C extends Collection<?>> C notEmpty(C value, String field) {
        if (value == null || value.isEmpty()) {
            throw CoreException.invalid("missing " + field);
        }
        return value;
    }

    public static Double range(Double value, String field, double min, double max) {
        if (value != null && (value.isNaN() || value < min || value > max)) {
            throw CoreException.invalid(field + " must be between " + min + " and " + max);
        }
        return value;
    }

    public static Integer range(Integer value, String field, int min, int max) {
        if (value != null && (value < min || value > max)) {
            throw CoreException.invalid(field + " must be between " + min + " and " + max);
        }
        return value;
    }
}
