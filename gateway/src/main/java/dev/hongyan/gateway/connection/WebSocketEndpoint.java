package dev.hongyan.gateway.connection;

import java.util.Optional;

/** A gateway's WebSocket entry point, mounted by the server on a path. */
public interface WebSocketEndpoint {

    /**
     * The path this endpoint serves. An exact path ({@code /websocket.signal}), or a prefix ending in
     * {@code /*} ({@code /ws/*}) whose remainder the endpoint reads from {@link HandshakeRequest#path()}.
     * The path {@code /} matches only requests no other endpoint claims (protoo clients connect to
     * any path).
     */
    String path();

    /** The WebSocket subprotocol this endpoint requires and echoes, if any (protoo needs "protoo"). */
    default Optional<String> subprotocol() {
        return Optional.empty();
    }

    /** Decides on the upgrade before it happens: query parameters, headers, resources. */
    HandshakeDecision handshake(HandshakeRequest request);

    /** Called on the connection's executor once the upgrade completed. */
    WebSocketSession open(Connection connection, HandshakeRequest request);

    /**
     * The process is shutting down: tell peers in the protocol's own words. The server closes the
     * sockets shortly after.
     */
    default void shutdown() {}
}
