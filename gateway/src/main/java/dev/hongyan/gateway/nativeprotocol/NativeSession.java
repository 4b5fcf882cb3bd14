package dev.hongyan.gateway.nativeprotocol;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientEndpoint;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.PendingRequests;
import dev.hongyan.gateway.connection.WebSocketSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One native WebSocket connection: before register an anonymous session, after it the endpoint of a
 * {@link Client}. Frames arrive on the connection's executor; pushes may come from any thread.
 */
public final class NativeSession implements WebSocketSession, ClientEndpoint {

    /** Close code for closes decided by the protocol (register timeout, takeover, heartbeat). */
    static final int CLOSE_POLICY = 4000;

    private final NativeGateway gateway;
    private final Connection connection;
    private final PendingRequests<Object> pending;
    private final ScheduledFuture<?> registerDeadline;
    private volatile Client client;
    private volatile boolean closed;

    NativeSession(NativeGateway gateway, Connection connection) {
        this.gateway = gateway;
        this.connection = connection;
        this.pending = new PendingRequests<>(gateway.scheduler());
        this.registerDeadline = gateway.scheduler().schedule(
                () -> connection.executor().execute(this::closeIfAnonymous),
                gateway.settings().registerTimeoutMillis(), TimeUnit.MILLISECONDS);
    }

    NativeGateway gateway() {
        return gateway;
    }

    public Client client() {
        return client;
    }

    public String remoteIp() {
        return connection.remoteIp();
    }

    public String connectionId() {
        return connection.id();
    }

    /** Called by client::register once the client is online. */
    public void bind(Client client) {
        this.client = client;
        registerDeadline.cancel(false);
    }

    @Override
    public void onText(String text) {
        gateway.dispatch(this, text);
    }

    @Override
    public void onRefused(Refusal refusal, String textPrefix) {
        gateway.refused(this, refusal, textPrefix);
    }

    @Override
    public void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        registerDeadline.cancel(false);
        pending.failAll(new CoreException(ErrorCode.TARGET_OFFLINE, "the target went offline"));
        gateway.closed(this);
    }

    // ---- outbound ----

    void sendReply(long id, String signal, Object body) {
        send(new Envelope(ErrorCode.SUCCESS.code(), ErrorCode.SUCCESS.defaultMessage(),
                new Header(gateway.settings().version(), id, signal), body == null ? Map.of() : body), signal);
    }

    void sendError(long id, String signal, CoreException error) {
        gateway.metrics().error(error.code().code());
        send(new Envelope(error.code().code(), error.getMessage(),
                new Header(gateway.settings().version(), id, "platform::error"), Map.of("signal", signal)),
                "platform::error");
    }

    /** Sends a server-originated message (fresh id) that needs no answer. */
    public void sendSignal(String signal, Object body) {
        send(new Envelope(null, null, new Header(gateway.settings().version(), gateway.ids().next(), signal),
                body == null ? Map.of() : body), signal);
    }

    /** False when the connection refused the text (it is closing). */
    private boolean send(Envelope envelope, String signal) {
        if (connection.sendText(gateway.codec().write(envelope))) {
            gateway.metrics().out(signal);
            return true;
        }
        return false;
    }

    @Override
    public void push(Notification notification) {
        if (notification.isDroppable() && !connection.isWritable()) {
            gateway.metrics().dropped();
            return;
        }
        if (connection.sendText(notification.render(gateway, gateway.renderer()))) {
            gateway.metrics().out(notification.signal());
        }
    }

    @Override
    public CompletableFuture<Object> request(Notification request, Duration timeout) {
        if (closed) {
            return CompletableFuture.failedFuture(new CoreException(ErrorCode.TARGET_OFFLINE, "the target went offline"));
        }
        long id = gateway.ids().next();
        CompletableFuture<Object> answer = pending.open(id, request.signal(), timeout.toMillis(),
                "the target did not answer in time");
        boolean sent = send(new Envelope(null, null, new Header(gateway.settings().version(), id, request.signal()),
                request.body() == null ? Map.of() : request.body()), request.signal());
        // A socket already closing refuses the text, and a close that raced past the check above has
        // already failed what was pending before this request: either way nobody will answer, so the
        // caller hears "offline" now instead of a timeout later.
        if (!sent || closed) {
            CompletableFuture<Object> unanswered = pending.take(id);
            if (unanswered != null) {
                unanswered.completeExceptionally(new CoreException(ErrorCode.TARGET_OFFLINE, "the target went offline"));
            }
        }
        return answer;
    }

    /** The answer to one of our requests, if {@code id} is one; true when consumed. */
    boolean completePending(NativeCodec.ParsedMessage message) {
        CompletableFuture<Object> request = pending.take(message.id(), message.signal());
        if (request == null) {
            return false;
        }
        if (message.code() != null && !ErrorCode.SUCCESS.code().equals(message.code())) {
            request.completeExceptionally(new CoreException(ErrorCode.TARGET_ERROR,
                    "the target refused: " + (message.message() == null ? message.code() : message.message())));
        } else {
            request.complete(message.body());
        }
        return true;
    }

    @Override
    public void close(ErrorCode reason, String message) {
        sendError(gateway.ids().next(), "platform::error", new CoreException(reason, message));
        connection.close(CLOSE_POLICY, message.length() > 120 ? message.substring(0, 120) : message);
    }

    /** Closes with 1000 after the client asked to (client::close). */
    public void closeNormally() {
        connection.close(1000, "client::close");
    }

    boolean isOpen() {
        return connection.isOpen() && !closed;
    }

    private void closeIfAnonymous() {
        if (client == null && !closed) {
            close(ErrorCode.UNAUTHORIZED, "not registered within " + gateway.settings().registerTimeoutMillis() + " ms");
        }
    }
}
