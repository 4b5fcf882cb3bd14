package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonValue;

/** Direction of a header extension as seen from the router: recvonly means producers only. */
public enum RtpHeaderExtensionDirection {
  SENDRECV("sendrecv"),
  SENDONLY("sendonly"),
  RECVONLY("recvonly"),
  INACTIVE("inactive");

  private final String value;

  RtpHeaderExtensionDirection(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  static RtpHeaderExtensionDirection fromValue(String value) {
    for (RtpHeaderExtensionDirection d : values()) {
      if (d.value.equals(value)) {
        return d;
      }
    }
    return null;
  }

  /** Whether the router may send this extension to consumers. */
  boolean routerSends() {
    return this == SENDRECV || this == SENDONLY;
  }
}
