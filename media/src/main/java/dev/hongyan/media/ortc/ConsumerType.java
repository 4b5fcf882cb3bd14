package dev.hongyan.media.ortc;

import com.fasterxml.jackson.annotation.JsonValue;

/** The {@code type} in mediasoup's {@code newConsumer}: the producer's type, or pipe. */
public enum ConsumerType {
  SIMPLE("simple"),
  SIMULCAST("simulcast"),
  SVC("svc"),
  PIPE("pipe");

  private final String value;

  ConsumerType(String value) {
    this.value = value;
  }

  @JsonValue
  public String value() {
    return value;
  }

  public static ConsumerType of(ProducerType type, boolean pipe) {
    if (pipe) {
      return PIPE;
    }
    return switch (type) {
      case SIMPLE -> SIMPLE;
      case SIMULCAST -> SIMULCAST;
      case SVC -> SVC;
    };
  }

  @Override
  public String toString() {
    return value;
  }
}
