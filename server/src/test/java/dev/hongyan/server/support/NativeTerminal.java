package dev.hongyan.server.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A native-protocol terminal over a real WebSocket: envelopes, ids, waiting for replies and pushes. */
public final class NativeTerminal implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final AtomicLong IDS = new AtomicLong(1);

    public final WsClient ws;
    private final Deque<JsonNode> unread = new ArrayDeque<>();
    public String clientId;

    private NativeTerminal(WsClient ws) {
        this.ws = ws;
    }

    public static NativeTerminal connect(CallsTestServer server) throws Exception {
        return new NativeTerminal(WsClient.connect(HttpClient.newHttpClient(), server.wsUrl("/websocket.signal")));
    }

    public static NativeTerminal register(CallsTestServer server, String clientId, String username) throws Exception {
        NativeTerminal terminal = connect(server);
        JsonNode reply = terminal.request("client::register", Map.of("username", username, "password", username + "-pw",
                "clientId", clientId, "clientType", "WEB"));
        if (!"0000".equals(reply.path("code").asText())) {
            throw new IllegalStateException("register failed: " + reply);
        }
        terminal.clientId = clientId;
        terminal.next("client::config");
        return terminal;
    }

    public long send(String signal, Object body) throws Exception {
        long id = IDS.getAndIncrement();
        sendRaw(id, signal, body, null);
        return id;
    }

    public void sendRaw(long id, String signal, Object body, String code) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        if (code != null) {
            envelope.put("code", code);
        }
        envelope.put("header", Map.of("v", "1.0.0", "id", id, "signal", signal));
        envelope.put("body", body);
        ws.send(JSON.writeValueAsString(envelope));
    }

    public JsonNode request(String signal, Object body) throws Exception {
        long id = send(signal, body);
        return nextWithId(id);
    }

    public JsonNode nextWithId(long id) throws Exception {
        return next(m -> m.path("header").path("id").asLong() == id, "a message with id " + id);
    }

    public JsonNode next(String signal) throws Exception {
        return next(m -> signal.equals(m.path("header").path("signal").asText()), signal);
    }

    /** Null when nothing arrives within the time. */
    public JsonNode poll(long millis) throws Exception {
        if (!unread.isEmpty()) {
            return unread.removeFirst();
        }
        String text = ws.messages.poll(millis, TimeUnit.MILLISECONDS);
        return text == null ? null : JSON.readTree(text);
    }

    private JsonNode next(Predicate<JsonNode> wanted, String what) throws Exception {
        for (var it = unread.iterator(); it.hasNext(); ) {
            JsonNode message = it.next();
            if (wanted.test(message)) {
                it.remove();
                return message;
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String text = ws.messages.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (text == null) {
                throw new AssertionError("no " + what + " within 5 s; unread: " + unread);
            }
            JsonNode message = JSON.readTree(text);
            if (wanted.test(message)) {
                return message;
            }
            unread.addLast(message);
        }
    }

    @Override
    public void close() {
        ws.socket.abort();
    }
}
