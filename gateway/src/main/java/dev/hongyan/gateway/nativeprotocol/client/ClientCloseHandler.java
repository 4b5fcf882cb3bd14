package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.Map;

/** client::close: the terminal leaves; the server answers, closes, and releases what it held. */
public final class ClientCloseHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("client::close", ObjectNode.class, Access.CLIENT,
            "Closes the terminal's connection and releases everything it held (rooms, calls).",
            "{}",
            "{}",
            """
            terminal=>server
            terminal=[client::close]>server-[client::offline])terminals""",
            "The reply comes first, then the WebSocket closes with 1000.");

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        context.reply(Map.of());
        context.session().closeNormally();
    }
}
