package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.session.SessionService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** session::close: hangs up; also what the server sends when a call ends for any reason. */
public final class SessionCloseHandler implements SignalHandler<SessionIdBody> {

    private static final SignalSpec<SessionIdBody> SPEC = new SignalSpec<>("session::close", SessionIdBody.class,
            Access.CLIENT,
            "Ends a P2P session; the other party is told and the session is gone.",
            "{\"sessionId\": \"session id\"}",
            """
            to the other party (and, for timeouts, to both):
            {
                "sessionId": "session id",
                "reason"   : "hangup | timeout | offline"
            }""",
            """
            terminal->server->terminal
            server->terminal""",
            """
            The sender gets no reply. The server also sends session::close on its own: "timeout" to both parties when
            the callee has not exchanged within sessions.callTimeoutMillis, "offline" to the remaining party when the
            other disconnects. Unknown or already closed session: 3404. A sender that is not one of the two
            parties: 3403. Missing sessionId: 1003.""");

    private final SessionService sessions;

    public SessionCloseHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public SignalSpec<SessionIdBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, SessionIdBody body) {
        sessions.hangUp(context.client(), body.sessionId());
    }
}
