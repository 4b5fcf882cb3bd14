package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::online: announced by the server when a terminal registers. */
public final class ClientOnlineHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("client::online", ObjectNode.class,
            Access.SERVER_ONLY,
            "Announces a terminal that registered.",
            "",
            "{the status object of client::list}",
            "terminal=[client::register]>server-)terminals",
            "Who hears it is clients.presenceScope: EVERYONE (the spec), ADMINS, SAME_ACCOUNT or NONE. A terminal whose "
                    + "outbound buffer is backing up may miss presence messages rather than be cut as a slow reader.");

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        throw new IllegalStateException("the dispatcher refuses server-only signals");
    }
}
