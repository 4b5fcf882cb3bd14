package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::status: one terminal's status, the caller's own by default. */
public final class ClientStatusHandler implements SignalHandler<ClientIdBody> {

    private static final SignalSpec<ClientIdBody> SPEC = new SignalSpec<>("client::status", ClientIdBody.class,
            Access.CLIENT,
            "One terminal's status; the caller's own when clientId is absent.",
            "{\"clientId\": \"terminal id (optional)\"}",
            "{the status object of client::list}",
            "terminal=>server",
            "A clientId that is not online: 3404.");

    private final ClientRegistry registry;

    public ClientStatusHandler(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SignalSpec<ClientIdBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ClientIdBody body) {
        String clientId = body.clientId() == null ? context.client().clientId() : body.clientId();
        context.reply(registry.require(clientId).status());
    }
}
