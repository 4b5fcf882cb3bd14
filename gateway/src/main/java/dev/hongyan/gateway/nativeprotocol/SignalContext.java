package dev.hongyan.gateway.nativeprotocol;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;

/** One request being handled: who sent it, its id, and the way to answer it exactly once. */
public final class SignalContext {

    private final NativeSession session;
    private final long requestId;
    private final String signal;
    private final ObjectNode rawBody;
    private final long startNanos;
    private final AtomicBoolean answered = new AtomicBoolean();

    SignalContext(NativeSession session, long requestId, String signal, ObjectNode rawBody, long startNanos) {
        this.session = session;
        this.requestId = requestId;
        this.signal = signal;
        this.rawBody = rawBody;
        this.startNanos = startNanos;
    }

    public long requestId() {
        return requestId;
    }

    public String signal() {
        return signal;
    }

    /** The body as sent, for signals that pass extra fields through ("..." in the spec). */
    public ObjectNode rawBody() {
        return rawBody;
    }

    public NativeSession session() {
        return session;
    }

    public String remoteIp() {
        return session.remoteIp();
    }

    /** The registered client; the dispatcher guarantees one for every signal but register. */
    public Client client() {
        Client client = session.client();
        if (client == null) {
            throw new CoreException(ErrorCode.UNAUTHORIZED, "register first");
        }
        return client;
    }

    /** Answers with success, same id and signal. Later calls are ignored. */
    public void reply(Object body) {
        if (answered.compareAndSet(false, true)) {
            session.sendReply(requestId, signal, body);
            session.gateway().metrics().latency(signal, startNanos);
        }
    }

    /** Answers with an error, echoing the request id. */
    public void fail(Throwable failure) {
        if (answered.compareAndSet(false, true)) {
            session.sendError(requestId, signal, CoreException.unwrap(failure));
            session.gateway().metrics().latency(signal, startNanos);
        }
    }

    /**
     * Answers once {@code answer} completes: with its value, or with its failure (a relay's TIMEOUT,
     * TARGET_OFFLINE, TARGET_ERROR). This is how a handler relays a request to another party without
     * any thread waiting for the answer.
     */
    public void replyWhenDone(CompletionStage<?> answer) {
        answer.whenComplete((value, failure) -> {
            if (failure != null) {
                fail(failure);
            } else {
                reply(value);
            }
        });
    }

    public boolean isAnswered() {
        return answered.get();
    }
}
