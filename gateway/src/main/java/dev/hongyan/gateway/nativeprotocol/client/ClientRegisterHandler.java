package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.RegisterCommand;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.MessageIds;
import dev.hongyan.gateway.nativeprotocol.NativeSession;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.Map;

/** client::register: log in, come online, get the id index and the config, be announced. */
public final class ClientRegisterHandler implements SignalHandler<RegisterBody> {

    private static final SignalSpec<RegisterBody> SPEC = new SignalSpec<>("client::register", RegisterBody.class,
            Access.ANONYMOUS,
            "Authenticates the connection and puts the terminal online under its clientId.",
            """
            {
                "username"  : "account name",
                "password"  : "account password",
                "name"      : "terminal name (optional, defaults to clientId)",
                "clientId"  : "terminal id: 1-64 of A-Z a-z 0-9 _ . : @ -",
                "clientType": "WEB | MOBILE | CAMERA | MEDIA | SERVER | OTHER",
                ...telemetry fields of client::heartbeat (optional)
            }""",
            """
            {
                "index"     : client index (10000-99999) for the client's own message ids,
                "clientId"  : "terminal id",
                "name"      : "terminal name",
                "clientType": "terminal type"
            }""",
            """
            terminal=>server
            terminal=>server-[client::config]>terminal
            terminal=>server-[client::online])terminals""",
            """
            Wrong username or password: 3401 (after repeated failures from one address: 3429 with the wait).
            A clientId online under another account: 3409. The same account taking its clientId over closes
            the older connection (it gets 3409 first). A second register on one connection: 3409.
            An unknown clientType: 1003. A connection that does not register within signal.registerTimeoutMillis
            is closed with 3401.""");

    private final ClientService clients;
    private final MessageIds ids;
    private final ClientConfigFactory configFactory;

    public ClientRegisterHandler(ClientService clients, MessageIds ids, ClientConfigFactory configFactory) {
        this.clients = clients;
        this.ids = ids;
        this.configFactory = configFactory;
    }

    @Override
    public SignalSpec<RegisterBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, RegisterBody body) {
        NativeSession session = context.session();
        if (session.client() != null) {
            throw new CoreException(ErrorCode.CONFLICT, "this connection is already registered as " + session.client().clientId());
        }
        Client client = clients.register(new RegisterCommand(body.username(), body.password(), body.clientId(),
                body.clientType(), body.name(), body.telemetry()), session, context.remoteIp());
        session.bind(client);
        context.reply(Map.of("index", ids.nextClientIndex(), "clientId", client.clientId(), "name", client.name(),
                "clientType", client.type().name()));
        session.sendSignal("client::config", configFactory.configFor(client));
        clients.announceOnline(client);
    }
}
