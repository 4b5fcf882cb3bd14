package dev.hongyan.server.websocket;

import dev.hongyan.gateway.connection.WebSocketEndpoint;
import java.util.concurrent.atomic.AtomicInteger;

/** An endpoint at its path, with the live-connection gauge of that path. */
record Mount(WebSocketEndpoint endpoint, String path, AtomicInteger connections) {}
