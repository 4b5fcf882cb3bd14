package dev.hongyan.gateway.nativeprotocol;

/** {@code header}: protocol version, message id, signal name. */
public record Header(String v, Long id, String signal) {}
