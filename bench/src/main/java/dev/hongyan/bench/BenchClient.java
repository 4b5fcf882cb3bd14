package dev.hongyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulated terminal: a WebSocket to the server, its message ids, and its requests waiting for a
 * reply (matched by header.id, as spec 001 does). Everything else it receives goes to {@link Traffic}.
 */
final class BenchClient {

    private record Pending(CompletableFuture<JsonNode> reply, long sentNanos) {}

    private final Channel channel;
    private final Messages messages;
    private final Traffic traffic;
    private final Duration requestTimeout;
    private final String clientId;
    private final MessageIds ids = new MessageIds();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private volatile boolean closing;

    BenchClient(Channel channel, Messages messages, Traffic traffic, Duration requestTimeout, String clientId) {
        this.channel = channel;
        this.messages = messages;
        this.traffic = traffic;
        this.requestTimeout = requestTimeout;
        this.clientId = clientId;
    }

    String clientId() {
        return clientId;
    }

    Channel channel() {
        return channel;
    }

    boolean isOpen() {
        return channel.isActive();
    }

    /**
     * Registers; completes with the index the server answered (0 if it sent none). The client's later
     * message ids are built from it.
     */
    CompletableFuture<Integer> register(Credentials.Account account, String clientType) {
        return request("client::register", messages.register(account, clientId, clientType)).thenApply(reply -> {
            JsonNode index = reply.path("body").path("index");
            int value = index.isNumber() ? index.asInt() : index.isTextual() ? Integer.parseInt(index.asText()) : 0;
            if (value > 0 && value <= 99_999) {
                ids.index(value);
            }
            return value;
        });
    }

    /** Sends a request; completes with the whole reply message, or a {@link ServerError}, or a timeout. */
    CompletableFuture<JsonNode> request(String signal, ObjectNode body) {
        long id = ids.next();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, new Pending(reply, System.nanoTime()));
        TextWebSocketFrame frame = new TextWebSocketFrame(messages.envelope(id, signal, body));
        // Callers are pacing threads: hand the loop one task that arms the timeout and writes, rather than a
        // scheduled timer and a write as two cross-thread tasks (each may wake the loop).
        if (channel.eventLoop().inEventLoop()) {
            write(id, signal, frame);
        } else {
            try {
                channel.eventLoop().execute(() -> write(id, signal, frame));
            } catch (RejectedExecutionException e) {
                // The load generator is shutting down: fail now rather than leave the caller waiting.
                pending.remove(id);
                frame.release();
                reply.completeExceptionally(e);
            }
        }
        return reply;
    }

    /** On the channel's event loop. */
    private void write(long id, String signal, TextWebSocketFrame frame) {
        channel.eventLoop().schedule(() -> {
            Pending expired = pending.remove(id);
            if (expired != null) {
                expired.reply().completeExceptionally(new TimeoutException(signal + " not answered within "
                        + requestTimeout.toMillis() + " ms"));
            }
        }, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        channel.writeAndFlush(frame).addListener(written -> {
            if (!written.isSuccess()) {
                Pending failed = pending.remove(id);
                if (failed != null) {
                    failed.reply().completeExceptionally(written.cause());
                }
            }
        });
    }

    /** A one-way message (spec 001 {@code ->}): no reply expected; a refusal arrives as an unsolicited error. */
    void send(String signal, ObjectNode body) {
        channel.writeAndFlush(new TextWebSocketFrame(messages.envelope(ids.next(), signal, body)), channel.voidPromise());
    }

    /** Closes politely: a WebSocket close frame, then the TCP connection. */
    void close() {
        closing = true;
        if (channel.isActive()) {
            channel.writeAndFlush(new CloseWebSocketFrame(1000, "bench done"))
                    .addListener(f -> channel.close());
        }
    }

    /**
     * Drops the connection the way a phone losing coverage does: no close frame, and SO_LINGER 0 makes the
     * kernel send a TCP RST instead of a FIN, so no TIME_WAIT is left on either side.
     */
    void abort() {
        closing = true;
        if (channel.isActive()) {
            channel.config().setOption(ChannelOption.SO_LINGER, 0);
        }
        channel.close();
    }

    // ---- inbound, on the channel's event loop ----

    void receivedDelivery(long sentNanos) {
        traffic.delivered(sentNanos, System.nanoTime());
    }

    /**
     * True when a message with this header is a plain notification: not the reply to one of our
     * requests and not an error (both are parsed in full).
     */
    boolean isNotification(Messages.Header header) {
        return !"platform::error".equals(header.signal()) && (header.id() < 0 || !pending.containsKey(header.id()));
    }

    void receivedNotification(String signal) {
        traffic.notification(this, signal);
    }

    void received(JsonNode message) {
        JsonNode header = message.path("header");
        String signal = header.path("signal").asText("");
        JsonNode id = header.path("id");
        if (id.canConvertToLong()) {
            Pending waiting = pending.remove(id.asLong());
            if (waiting != null) {
                String code = message.path("code").asText("0000");
                if ("platform::error".equals(signal) || !"0000".equals(code)) {
                    waiting.reply().completeExceptionally(new ServerError(code, message.path("message").asText("")));
                } else {
                    waiting.reply().complete(message);
                }
                return;
            }
        }
        if ("platform::error".equals(signal)) {
            traffic.error(message.path("code").asText("?"));
            return;
        }
        traffic.notification(this, signal);
    }

    /** The server sent a close frame; counted unless we had started closing ourselves. */
    void closeReceived() {
        if (!closing) {
            traffic.closedByServer();
        }
        closing = true;
    }

    void closed() {
        IOException gone = new IOException("connection closed");
        for (Long id : pending.keySet()) {
            Pending waiting = pending.remove(id);
            if (waiting != null) {
                waiting.reply().completeExceptionally(gone);
            }
        }
    }
}
