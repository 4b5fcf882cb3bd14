/**
 * The Hongyan process's network spine: one Netty listener for HTTP and WebSocket, the generic limits,
 * TLS, health and metrics. Gateways plug in through {@code dev.hongyan.gateway.connection}.
 */
package dev.hongyan.server;
