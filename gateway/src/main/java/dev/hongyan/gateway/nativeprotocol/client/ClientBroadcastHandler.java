package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientType;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::broadcast: the body, as sent, to every other online terminal (of one type, if given). */
public final class ClientBroadcastHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("client::broadcast", ObjectNode.class,
            Access.CLIENT,
            "Sends the body to every other online terminal, or to those of one type.",
            "{\"clientType\": \"terminal type (optional)\", ...}",
            "the same body, to the others; no reply to the sender",
            "terminal->server-)terminals",
            "The body is passed through unchanged, rendered once for all receivers. An unknown clientType: 1003.");

    private final ClientRegistry registry;

    public ClientBroadcastHandler(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        Client sender = context.client();
        JsonNode typeNode = body.get("clientType");
        if (typeNode != null && !typeNode.isNull() && !typeNode.isTextual()) {
            throw CoreException.invalid("body.clientType has the wrong type (expected a string)");
        }
        ClientType type = typeNode == null || typeNode.isNull() ? null : ClientType.parse(typeNode.asText(), "clientType");
        Notification notification = Notification.of(context.signal(), body);
        for (Client client : registry.all()) {
            if (client != sender && (type == null || client.type() == type)) {
                client.push(notification);
            }
        }
    }
}
