package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.Telemetry;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.Map;

/** client::heartbeat: keeps the client alive and updates its telemetry. */
public final class ClientHeartbeatHandler implements SignalHandler<Telemetry> {

    private static final SignalSpec<Telemetry> SPEC = new SignalSpec<>("client::heartbeat", Telemetry.class, Access.CLIENT,
            "Keeps the terminal online and updates the telemetry fields it carries.",
            """
            {
                "latitude"       : latitude (-90..90),
                "longitude"      : longitude (-180..180),
                "humidity"       : humidity,
                "temperature"    : temperature,
                "signal"         : signal strength (0..100),
                "battery"        : battery level (0..100),
                "alarming"       : true|false,
                "charging"       : true|false,
                "clientRecording": true|false,
                "serverRecording": true|false,
                "status"         : {more status},
                "config"         : {more config}
            }  (every field optional; absent fields keep their value)""",
            "{\"lastHeartbeat\": \"yyyyMMddHHmmss\"}",
            "terminal->server->terminal",
            "lastHeartbeat is set by the server. A client silent for clients.heartbeatTimeoutMillis is closed "
                    + "(it gets 2001) and client::offline is announced.");

    private final ClientService clients;

    public ClientHeartbeatHandler(ClientService clients) {
        this.clients = clients;
    }

    @Override
    public SignalSpec<Telemetry> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, Telemetry body) {
        clients.heartbeat(context.client(), body);
        context.reply(Map.of("lastHeartbeat", context.client().telemetry().lastHeartbeat()));
    }
}
