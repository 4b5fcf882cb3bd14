package dev.hongyan.server.support;

import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.gateway.connection.WebSocketSession;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Echoes each message as {@code <endpoint path>|<request path>|<text>}. "?reject=<status>" rejects the
 * handshake; the message "close" makes the server close with 4000; "flood" starts sending 64 KiB
 * messages until the connection is cut.
 */
public final class TestEndpoint implements WebSocketEndpoint {

    public record Refused(WebSocketSession.Refusal refusal, String prefix) {}

    private final String path;
    private final String subprotocol;
    public final BlockingQueue<Refused> refusals = new LinkedBlockingQueue<>();
    public final List<Connection> connections = new CopyOnWriteArrayList<>();
    public final AtomicInteger closed = new AtomicInteger();
    public final AtomicInteger shutdowns = new AtomicInteger();
    public final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    public volatile boolean closeOnShutdown;
    public volatile boolean floodOnOpen;

    public TestEndpoint(String path, String subprotocol) {
        this.path = path;
        this.subprotocol = subprotocol;
    }

    public TestEndpoint(String path) {
        this(path, null);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public Optional<String> subprotocol() {
        return Optional.ofNullable(subprotocol);
    }

    @Override
    public HandshakeDecision handshake(HandshakeRequest request) {
        String reject = request.queryParam("reject");
        return reject == null ? HandshakeDecision.ACCEPT : HandshakeDecision.reject(Integer.parseInt(reject), "rejected by test");
    }

    @Override
    public WebSocketSession open(Connection connection, HandshakeRequest request) {
        connections.add(connection);
        events.add("open " + connection.remoteIp());
        if (floodOnOpen) {
            flood(connection);
        }
        return new WebSocketSession() {
            @Override
            public void onText(String text) {
                if (text.equals("close")) {
                    connection.close(4000, "closed by test");
                    return;
                }
                connection.sendText(path + "|" + request.path() + "|" + text);
            }

            @Override
            public void onRefused(Refusal refusal, String textPrefix) {
                refusals.add(new Refused(refusal, textPrefix));
            }

            @Override
            public void onClosed() {
                closed.incrementAndGet();
                events.add("closed");
            }
        };
    }

    private static void flood(Connection connection) {
        String chunk = "x".repeat(64 * 1024);
        connection.executor().execute(new Runnable() {
            @Override
            public void run() {
                for (int i = 0; i < 16; i++) {
                    if (!connection.sendText(chunk)) {
                        return;
                    }
                }
                connection.executor().execute(this); // yield to the event loop between bursts
            }
        });
    }

    @Override
    public void shutdown() {
        shutdowns.incrementAndGet();
        events.add("shutdown");
        if (closeOnShutdown) {
            for (Connection connection : connections) {
                connection.close(1000, "bye from gateway");
            }
        }
    }
}
