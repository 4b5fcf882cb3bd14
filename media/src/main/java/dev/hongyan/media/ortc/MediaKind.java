package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonValue;

/** {@code 'audio' | 'video'}. */
public enum MediaKind {
  AUDIO("audio"),
  VIDEO("video");

  private final String value;

  MediaKind(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  /** Parses the wire value; null when it is neither audio nor video. */
  public static MediaKind fromValue(String value) {
    for (MediaKind kind : values()) {
      if (kind.value.equals(value)) {
        return kind;
      }
    }
    return null;
  }

  @Override
  public String toString() {
    return value;
  }
}
