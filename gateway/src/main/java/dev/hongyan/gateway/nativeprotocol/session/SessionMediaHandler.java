package dev.hongyan.gateway.nativeprotocol.session;

import dev.hongyan.core.session.SessionService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** session::pause and session::resume: one party stops or restarts sending audio or video. */
public final class SessionMediaHandler implements SignalHandler<MediaToggleBody> {

    private final SignalSpec<MediaToggleBody> spec;
    private final SessionService sessions;

    private SessionMediaHandler(SignalSpec<MediaToggleBody> spec, SessionService sessions) {
        this.spec = spec;
        this.sessions = sessions;
    }

    public static SessionMediaHandler pause(SessionService sessions) {
        return new SessionMediaHandler(spec(SessionService.PAUSE, "paused"), sessions);
    }

    public static SessionMediaHandler resume(SessionService sessions) {
        return new SessionMediaHandler(spec(SessionService.RESUME, "resumed"), sessions);
    }

    private static SignalSpec<MediaToggleBody> spec(String signal, String done) {
        return new SignalSpec<>(signal, MediaToggleBody.class, Access.CLIENT,
                "Tells the other party of a session that the sender " + done + " its audio or video.",
                """
                {
                    "sessionId": "session id",
                    "type"     : "audio|video (voice is accepted as the spec writes it)"
                }""",
                "the body exactly as sent, as " + signal + " to the other party; no reply to the sender",
                "terminal->server->terminal",
                "Unknown or closed session: 3404. A sender that is not one of the two parties: 3403. Missing sessionId, or a "
                        + "type other than audio/video/voice: 1003.");
    }

    @Override
    public SignalSpec<MediaToggleBody> spec() {
        return spec;
    }

    @Override
    public void handle(SignalContext context, MediaToggleBody body) {
        sessions.relayMedia(context.client(), body.sessionId(), spec.signal(), context.rawBody());
    }
}
