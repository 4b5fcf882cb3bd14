package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonValue;

/** mediasoup's producer type; consumers of a producer get the same type (or pipe). */
public enum ProducerType {
  SIMPLE("simple"),
  SIMULCAST("simulcast"),
  SVC("svc");

  private final String value;

  ProducerType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  @Override
  public String toString() {
    return value;
  }
}
