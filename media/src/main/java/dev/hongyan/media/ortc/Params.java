package dev.hongyan.media.ortc;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Helpers for codec {@code parameters} maps. Values are {@link String} or {@link Number} as in
 * mediasoup; maps keep insertion order because clients print them into SDP fmtp lines.
 */
final class Params {
  private Params() {}

  static Map<String, Object> copy(Map<String, Object> parameters) {
    if (parameters == null || parameters.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
  }

  static <T> List<T> copy(List<T> list) {
    return list == null ? List.of() : List.copyOf(list);
  }

  /** Later entries win, as with JS object spread. */
  static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overrides) {
    Map<String, Object> merged = new LinkedHashMap<>(base);
    merged.putAll(overrides);
    return Collections.unmodifiableMap(merged);
  }

  static Map<String, Object> with(Map<String, Object> parameters, String key, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(parameters);
    if (value == null) {
      copy.remove(key);
    } else {
      copy.put(key, value);
    }
    return Collections.unmodifiableMap(copy);
  }

  /**
   * Integer value of a parameter, accepting numeric strings: clients differ in whether fmtp values
   * arrive as {@code 1} or {@code "1"}, and treating them alike avoids spurious mismatches.
   */
  static Long integer(Map<String, Object> parameters, String key) {
    Object value = parameters.get(key);
    if (value instanceof Number n) {
      double d = n.doubleValue();
      return d == Math.rint(d) ? Long.valueOf(n.longValue()) : null;
    }
    if (value instanceof String s) {
      try {
        return Long.parseLong(s.trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  static long integer(Map<String, Object> parameters, String key, long absent) {
    Long value = integer(parameters, key);
    return value == null ? absent : value;
  }

  static String string(Map<String, Object> parameters, String key) {
    Object value = parameters.get(key);
    return value == null ? null : value.toString();
  }

  /** Equal as numbers when both are numeric, else as strings; absent equals absent. */
  static boolean sameValue(Map<String, Object> a, Map<String, Object> b, String key) {
    Object va = a.get(key);
    Object vb = b.get(key);
    if (va == null || vb == null) {
      return va == vb;
    }
    Long na = integer(a, key);
    Long nb = integer(b, key);
    if (na != null && nb != null) {
      return na.equals(nb);
    }
    return Objects.equals(va.toString(), vb.toString());
  }
}
