package dev.hongyan.gateway.connection;

/** Accept the upgrade, or reject it with an HTTP status and a reason the client can read. */
public sealed interface HandshakeDecision {

    HandshakeDecision ACCEPT = new Accept();

    static HandshakeDecision reject(int status, String reason) {
        return new Reject(status, reason);
    }

    record Accept() implements HandshakeDecision {}

    record Reject(int status, String reason) implements HandshakeDecision {}
}
