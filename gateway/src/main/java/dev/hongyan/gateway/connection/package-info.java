/**
 * The seam between the server process and the wire-protocol gateways.
 *
 * <p>The server owns sockets (Netty), TLS, HTTP parsing, WebSocket framing and the generic limits
 * (frame size, messages per second, slow readers). A gateway sees only {@link
 * dev.hongyan.gateway.connection.Connection}s carrying text and {@link
 * dev.hongyan.gateway.connection.HttpRoute}s, so it can be tested without Netty and the server never
 * learns a protocol.
 */
package dev.hongyan.gateway.connection;
