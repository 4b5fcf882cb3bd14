package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.session.SessionService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.LinkedHashMap;
import java.util.Map;

/** session::call: opens a P2P call to another terminal. */
public final class SessionCallHandler implements SignalHandler<CallBody> {

    private static final SignalSpec<CallBody> SPEC = new SignalSpec<>("session::call", CallBody.class, Access.CLIENT,
            "Calls another online terminal: opens a P2P session whose negotiation the server relays.",
            """
            {
                "clientId": "callee terminal id",
                "audio"   : wants audio (true|false, optional, default true),
                "video"   : wants video (true|false, optional, default true)
            }""",
            """
            reply to the caller:
            {
                "name"     : "callee name",
                "clientId" : "callee terminal id",
                "sessionId": "session id"
            }
            then session::call to the callee:
            {
                "name"     : "caller name",
                "clientId" : "caller terminal id",
                "sessionId": "session id",
                "audio"    : true|false,
                "video"    : true|false
            }""",
            "terminal=>server->terminal",
            """
            The caller is answered before the callee is told, so it knows the sessionId before any session::exchange
            from the callee. The session is CALLING until the callee's first session::exchange (then ACTIVE). A call
            the callee has not exchanged on within sessions.callTimeoutMillis is closed: both parties get
            session::close {"sessionId", "reason": "timeout"}. Callee not online: 3404. Calling oneself: 1003.
            Missing clientId: 1003. Either party already in sessions.maxSessionsPerClient calls: 3413.""");

    private final SessionService sessions;

    public SessionCallHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public SignalSpec<CallBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, CallBody body) {
        sessions.call(context.client(), body.clientId(), body.audio(), body.video(), session -> {
            Client callee = session.callee();
            Map<String, Object> reply = new LinkedHashMap<>();
            reply.put("name", callee.name());
            reply.put("clientId", callee.clientId());
            reply.put("sessionId", session.sessionId());
            context.reply(reply);
        });
    }
}
