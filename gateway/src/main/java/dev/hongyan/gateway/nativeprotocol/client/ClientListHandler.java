package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientStatus;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.ArrayList;
import java.util.List;

/** client::list: the online terminals, optionally of one type. */
public final class ClientListHandler implements SignalHandler<ClientTypeFilter> {

    private static final SignalSpec<ClientTypeFilter> SPEC = new SignalSpec<>("client::list", ClientTypeFilter.class,
            Access.CLIENT,
            "Lists the online terminals with their status; all types when clientType is absent.",
            "{\"clientType\": \"terminal type (optional)\"}",
            """
            [
                {"ip", "name", "clientId", "clientType", "latitude", "longitude", "humidity", "temperature",
                 "signal", "battery", "alarming", "charging", "clientRecording", "serverRecording",
                 "lastHeartbeat", "status", "config"},
                ...
            ]  (fields the terminal never reported are omitted)""",
            "terminal=>server",
            "An unknown clientType: 1003.");

    private final ClientRegistry registry;

    public ClientListHandler(ClientRegistry registry) {
        this.registry = registry;
    }

    @Override
    public SignalSpec<ClientTypeFilter> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ClientTypeFilter body) {
        List<ClientStatus> statuses = new ArrayList<>();
        for (Client client : registry.ofType(body.type())) {
            statuses.add(client.status());
        }
        context.reply(statuses);
    }
}
