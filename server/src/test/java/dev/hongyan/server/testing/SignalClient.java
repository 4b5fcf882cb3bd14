package dev.hongyan.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A native-protocol test client on a real WebSocket (the JDK's client). Incoming messages queue up;
 * tests take the ones they expect and can assert that nothing else of a kind arrived.
 */
public final class SignalClient implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong NEXT_INDEX = new AtomicLong(1);

    private final List<JsonNode> inbox = new ArrayList<>();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private final AtomicLong counter = new AtomicLong();
    private final long index;
    private WebSocket socket;
    private String clientId;
    private volatile AssertionError invalid;

    private SignalClient() {
        this.index = 90_000 + NEXT_INDEX.getAndIncrement() % 9_000;
    }

    public static SignalClient connect(String url) {
        SignalClient client = new SignalClient();
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(WAIT)
                .buildAsync(URI.create(url), client.new Listener()).orTimeout(5, TimeUnit.SECONDS).join();
        return client;
    }

    public String clientId() {
        return clientId;
    }

    /** Registers and consumes the reply and the client::config push. */
    public JsonNode registerAs(String username, String password, String clientId, String clientType) {
        JsonNode reply = request("client::register", Map.of("username", username, "password", password,
                "clientId", clientId, "clientType", clientType, "name", clientId));
        if (!"0000".equals(reply.path("code").asText())) {
            throw new AssertionError("register failed: " + reply);
        }
        this.clientId = clientId;
        await("client::config");
        return reply;
    }

    /** A fresh id in this client's range (distinct per test client). */
    public long nextId() {
        return 10_000_000_000_000L + index * 1000 + counter.incrementAndGet();
    }

    public long send(String signal, Object body) {
        long id = nextId();
        sendRaw(envelope(id, signal, body));
        return id;
    }

    public static String envelope(long id, String signal, Object body) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode header = root.putObject("header");
        header.put("v", "1.0.0");
        header.put("id", id);
        header.put("signal", signal);
        root.set("body", JSON.valueToTree(body));
        return root.toString();
    }

    public void sendRaw(String text) {
        socket.sendText(text, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    /** Sends and waits for the message carrying the same id: the reply or the platform::error. */
    public JsonNode request(String signal, Object body) {
        long id = send(signal, body);
        return awaitId(id);
    }

    public JsonNode awaitId(long id) {
        return take(m -> m.path("header").path("id").asLong() == id, "a reply to id " + id);
    }

    /** Waits for the next message with this signal (replies to our own requests excluded only if they differ). */
    public JsonNode await(String signal) {
        return take(m -> signal.equals(m.path("header").path("signal").asText()), "signal " + signal);
    }

    public JsonNode await(String signal, Predicate<JsonNode> condition) {
        return take(m -> signal.equals(m.path("header").path("signal").asText()) && condition.test(m), "signal " + signal);
    }

    /** Asserts that no message with this signal arrives within {@code millis}. */
    public void expectNo(String signal, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        synchronized (inbox) {
            while (true) {
                failOnInvalidJson();
                for (JsonNode message : inbox) {
                    if (signal.equals(message.path("header").path("signal").asText())) {
                        throw new AssertionError("unexpected " + signal + ": " + message);
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    return;
                }
                try {
                    inbox.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    public List<JsonNode> drain() {
        synchronized (inbox) {
            List<JsonNode> all = new ArrayList<>(inbox);
            inbox.clear();
            return all;
        }
    }

    /** Waits for the server to close the connection; returns the close code. */
    public int awaitClose() {
        return closed.orTimeout(WAIT.toMillis() * 3, TimeUnit.MILLISECONDS).join();
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    private void failOnInvalidJson() {
        if (invalid != null) {
            throw invalid;
        }
    }

    private JsonNode take(Predicate<JsonNode> match, String what) {
        long deadline = System.currentTimeMillis() + WAIT.toMillis();
        synchronized (inbox) {
            while (true) {
                failOnInvalidJson();
                for (Iterator<JsonNode> it = inbox.iterator(); it.hasNext(); ) {
                    JsonNode message = it.next();
                    if (match.test(message)) {
                        it.remove();
                        return message;
                    }
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new AssertionError("timed out waiting for " + what + "; inbox: " + inbox);
                }
                try {
                    inbox.wait(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted");
                }
            }
        }
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            try {
                socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(2, TimeUnit.SECONDS).join();
            } catch (RuntimeException ignored) {
                socket.abort();
            }
        }
    }

    /** Drops the TCP connection without a close frame (a crash or a cut cable). */
    public void abort() {
        socket.abort();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    synchronized (inbox) {
                        inbox.add(message);
                        inbox.notifyAll();
                    }
                } catch (Exception e) {
                    // Thrown here it would die in the WebSocket's thread unseen; the next wait fails with it.
                    invalid = new AssertionError("server sent invalid JSON: " + text, e);
                    synchronized (inbox) {
                        inbox.notifyAll();
                    }
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            synchronized (inbox) {
                inbox.notifyAll();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
