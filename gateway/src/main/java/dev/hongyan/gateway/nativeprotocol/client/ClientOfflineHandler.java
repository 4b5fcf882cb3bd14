package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::offline: announced by the server when a terminal's connection ends. */
public final class ClientOfflineHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("client::offline", ObjectNode.class,
            Access.SERVER_ONLY,
            "Announces a terminal that closed, disconnected or timed out.",
            "",
            "{\"clientId\": \"terminal id\"}",
            """
            terminal=[client::close]>server-[client::offline])terminals
            terminal-[disconnect]>server-[client::offline])terminals""",
            "Same audience as client::online. Not sent when the clientId was taken over by a new connection.");

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        throw new IllegalStateException("the dispatcher refuses server-only signals");
    }
}
