package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.session.SessionService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** session::exchange: an offer, answer or ICE candidate, relayed to the other party. */
public final class SessionExchangeHandler implements SignalHandler<ExchangeBody> {

    private static final SignalSpec<ExchangeBody> SPEC = new SignalSpec<>("session::exchange", ExchangeBody.class,
            Access.CLIENT,
            "Relays WebRTC negotiation (offer, answer, ICE candidate) to the other party of a session.",
            """
            {
                "sessionId": "session id",
                "type"     : "offer|answer",
                "sdp"      : "sdp"
            }
            {
                "sessionId": "session id",
                "type"     : "candidate",
                "candidate": {"sdpMid": "sdpMid", "candidate": "candidate", "sdpMLineIndex": sdpMLineIndex}
            }""",
            "the body exactly as sent, as session::exchange to the other party; no reply to the sender",
            "terminal->server->terminal",
            """
            Only sessionId and type are read; every other field is relayed unchanged, so Android's variants (type in
            any case such as "OFFER", a candidate's text under "sdp") reach the peer as sent. The callee's first
            exchange makes the call ACTIVE (no timeout any more). Unknown or closed session: 3404. A sender that is not
            one of the two parties: 3403. Missing sessionId or a type other than offer/answer/candidate: 1003.""");

    private final SessionService sessions;

    public SessionExchangeHandler(SessionService sessions) {
        this.sessions = sessions;
    }

    @Override
    public SignalSpec<ExchangeBody> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ExchangeBody body) {
        sessions.exchange(context.client(), body.sessionId(), context.rawBody());
    }
}
