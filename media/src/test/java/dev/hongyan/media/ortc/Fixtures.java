package dev.hongyan.media.ortc;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** Shared helpers: a plain mapper (what gateways use), fixtures, deterministic Ortc. */
final class Fixtures {
  private Fixtures() {}

  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
          .build();

  /** Reads relaxed JSON (single quotes, bare keys) to keep test literals short. */
  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode resource(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/ortc/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Serialises to text and reads it back, so numbers compare as they travel on the wire. */
  static JsonNode toJson(Object value) {
    try {
      return MAPPER.readTree(MAPPER.writeValueAsString(value));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Ortc ortc() {
    return new Ortc(new SplittableRandom(42));
  }

  static RtpCapabilities routerCaps() {
    return ortc().generateRouterRtpCapabilities(DefaultMediaCodecs.get());
  }

  static RtpCapabilities chromeCaps() {
    return RtpJson.parseRtpCapabilities(resource("chrome-rtp-capabilities.json"));
  }
}
