package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.ClientService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::alarm: a terminal raises an alarm; kept, and told to admins. */
public final class ClientAlarmHandler implements SignalHandler<AlarmBody> {

    private static final SignalSpec<AlarmBody> SPEC = new SignalSpec<>("client::alarm", AlarmBody.class, Access.CLIENT,
            "Raises an alarm: the server keeps the last clients.alarmsKept per terminal and tells every admin client.",
            """
            {
                "message" : "alarm description",
                "datetime": "alarm time (yyyyMMddHHmmss, optional: the server's time)"
            }""",
            "{\"clientId\", \"name\", \"message\", \"datetime\"} to admin clients; no reply to the sender",
            "terminal->server-)admin terminals",
            "A missing message or a datetime not of 14 digits: 1003.");

    private final ClientService clients;

    public ClientAlarmHandler(ClientService clients) {
        this.clients = clients;
    }

    @Override
    public SignalSpec<AlarmBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, AlarmBody body) {
        clients.alarm(context.client(), body.message(), body.datetime());
    }
}
