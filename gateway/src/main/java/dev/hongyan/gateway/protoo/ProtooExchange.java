package dev.hongyan.gateway.protoo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.core.media.MediaPeer;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** One request being handled: the peer, the id to echo, and the way to answer exactly once. */
final class ProtooExchange {

    private final ProtooPeer session;
    private final MediaPeer peer;
    private final JsonNode id;
    private final String method;
    private final AtomicBoolean answered = new AtomicBoolean();

    ProtooExchange(ProtooPeer session, MediaPeer peer, JsonNode id, String method) {
        this.session = session;
        this.peer = peer;
        this.id = id;
        this.method = method;
    }

    MediaPeer peer() {
        return peer;
    }

    String method() {
        return method;
    }

    ProtooSettings settings() {
        return session.gateway().settings();
    }

    void accept(Object data) {
        if (answered.compareAndSet(false, true)) {
            session.sendSuccess(id, data);
        }
    }

    void reject(Throwable failure) {
        if (answered.compareAndSet(false, true)) {
            CoreException error = CoreException.unwrap(failure);
            session.sendError(id, errorCode(error), error.getMessage());
        }
    }

    /** Answers with the stage's value (an empty {@code {}} for Void), or its failure. */
    void complete(CompletionStage<?> stage) {
        stage.whenComplete((value, failure) -> {
            if (failure != null) {
                reject(failure);
            } else {
                accept(value);
            }
        });
    }

    /**
     * protoo's codes as mediasoup-demo uses them: 403 when the peer may not do this, 500 for everything
     * else (the demo rejects every thrown Error with 500 and its message).
     */
    static int errorCode(CoreException error) {
        return error.code() == ErrorCode.FORBIDDEN || error.code() == ErrorCode.UNAUTHORIZED ? 403 : 500;
    }
}
