package dev.hongyan.gateway.nativeprotocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The native protocol's one message shape. {@code code}/{@code message} are set on responses and
 * errors; a request from a client carries only header and body.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"code", "message", "header", "body"})
public record Envelope(String code, String message, Header header, Object body) {}
