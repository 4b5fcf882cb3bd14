package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::unicast: the body to one terminal. */
public final class ClientUnicastHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("client::unicast", ObjectNode.class, Access.CLIENT,
            "Sends the body to one online terminal.",
            "{\"to\": \"receiving terminal id\", ...}",
            "{\"from\": \"sending terminal id\", ...} to the receiver; no reply to the sender",
            "terminal->server->terminal",
            "\"to\" is removed and \"from\" (the sender's clientId) added unless the body has one. "
                    + "A receiver that is not online: 3404 to the sender.");

    private final ClientRegistry registry;

    public ClientUnicastHandler(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        JsonNode to = body.get("to");
        if (to == null || to.isNull() || (to.isTextual() && to.asText().isBlank())) {
            throw CoreException.invalid("missing to");
        }
        if (!to.isTextual()) {
            throw CoreException.invalid("body.to has the wrong type (expected a string)");
        }
        Client target = registry.require(to.asText());
        ObjectNode delivered = body.deepCopy();
        delivered.remove("to");
        if (!delivered.has("from")) {
            delivered.put("from", context.client().clientId());
        }
        target.push(Notification.of(context.signal(), delivered));
    }
}
