package dev.hongyan.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.gateway.connection.WebSocketSession.Refusal;
import dev.hongyan.server.HongyanServer;
import dev.hongyan.server.ServerSettings;
import dev.hongyan.server.metrics.Metrics;
import dev.hongyan.server.support.TestEndpoint;
import dev.hongyan.server.support.TestServers;
import dev.hongyan.server.support.WsClient;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebSocketTest {

    private final TestEndpoint exact = new TestEndpoint("/websocket.signal");
    private final TestEndpoint prefix = new TestEndpoint("/ws/*");
    private final TestEndpoint protoo = new TestEndpoint("/", "protoo");
    private final HttpClient http = TestServers.http();
    private PrometheusMeterRegistry registry;
    private HongyanServer server;

    private HongyanServer start(ServerSettings.Limits limits) {
        registry = Metrics.newRegistry();
        server = new HongyanServer(TestServers.settings().withLimits(limits), registry, List.of(exact, prefix, protoo), List.of())
                .start();
        return server;
    }

    private HongyanServer start() {
        return start(TestServers.settings().limits());
    }

    private String ws(String path) {
        return "ws://127.0.0.1:" + server.port() + path;
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private double refusals(String reason) {
        return registry.get("hongyan.websocket.refusals").tag("reason", reason).counter().count();
    }

    @Test
    void exactPathEchoRoundTrip() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal?token=abc"));
        client.send("hello");
        assertThat(client.next()).isEqualTo("/websocket.signal|/websocket.signal|hello");
        assertThat(exact.events.poll(5, TimeUnit.SECONDS)).isEqualTo("open 127.0.0.1");
        assertThat(server.connectionCount()).isEqualTo(1);
        assertThat(registry.get("hongyan.websocket.connections").tag("endpoint", "/websocket.signal").gauge().value())
                .isEqualTo(1.0);
        client.socket.sendClose(1000, "done").get(5, TimeUnit.SECONDS);
        assertThat(client.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1000);
        assertThat(exact.events.poll(5, TimeUnit.SECONDS)).isEqualTo("closed");
        awaitTrue(() -> server.connectionCount() == 0, "the server forgets the connection");
        // A second onClosed, if there were one, would come right after the first.
        Thread.sleep(100);
        assertThat(exact.closed.get()).isEqualTo(1);
    }

    @Test
    void prefixPathAndRootFallback() throws Exception {
        start();
        WsClient onPrefix = WsClient.connect(http, ws("/ws/example.com"));
        onPrefix.send("a");
        assertThat(onPrefix.next()).isEqualTo("/ws/*|/ws/example.com|a");
        WsClient onRoot = WsClient.connect(http, ws("/any/other/path?roomId=1&peerId=2"), "protoo");
        assertThat(onRoot.socket.getSubprotocol()).isEqualTo("protoo");
        onRoot.send("b");
        assertThat(onRoot.next()).isEqualTo("/|/any/other/path|b");
    }

    @Test
    void missingSubprotocolIs403() throws Exception {
        start();
        assertThatThrownBy(() -> WsClient.connect(http, ws("/?roomId=1")))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> WsClient.connect(http, ws("/?roomId=1"), "other"))
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(403));
    }

    @Test
    void endpointRejectsHandshakeWithItsStatus() throws Exception {
        start();
        assertThatThrownBy(() -> WsClient.connect(http, ws("/websocket.signal?reject=401")))
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(401));
        assertThat(server.connectionCount()).isZero();
    }

    @Test
    void oversizedMessageIsRefusedAndConnectionStaysUsable() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        String big = "{\"header\":{\"id\":42}}" + "x".repeat(2000);
        client.send(big);
        TestEndpoint.Refused refused = exact.refusals.poll(5, TimeUnit.SECONDS);
        assertThat(refused.refusal()).isEqualTo(Refusal.FRAME_TOO_LARGE);
        assertThat(refused.prefix()).hasSize(256).startsWith("{\"header\":{\"id\":42}}");
        client.send("still here");
        assertThat(client.next()).endsWith("|still here");
        assertThat(refusals("frame_too_large")).isEqualTo(1.0);
    }

    @Test
    void fragmentedMessagesAreJoinedAndLimitedAsAWhole() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        client.socket.sendText("frag", false).get(5, TimeUnit.SECONDS);
        client.socket.sendText("ment", false).get(5, TimeUnit.SECONDS);
        client.socket.sendText("ed", true).get(5, TimeUnit.SECONDS);
        assertThat(client.next()).endsWith("|fragmented");
        for (int i = 0; i < 3; i++) {
            client.socket.sendText("y".repeat(600), i == 2).get(5, TimeUnit.SECONDS);
        }
        TestEndpoint.Refused refused = exact.refusals.poll(5, TimeUnit.SECONDS);
        assertThat(refused.refusal()).isEqualTo(Refusal.FRAME_TOO_LARGE);
        assertThat(refused.prefix()).isEqualTo("y".repeat(256));
        client.send("after");
        assertThat(client.next()).endsWith("|after");
    }

    @Test
    void frameBeyondHardCapClosesWith1009() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        client.socket.sendText("z".repeat(1024 * WebSocketUpgrader.HARD_CAP_FACTOR + 1), true);
        assertThat(client.closed.get(5, TimeUnit.SECONDS).code()).isEqualTo(1009);
    }

    @Test
    void binaryFrameIsRefused() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        client.socket.sendBinary(ByteBuffer.wrap(new byte[] {1, 2, 3}), true).get(5, TimeUnit.SECONDS);
        TestEndpoint.Refused refused = exact.refusals.poll(5, TimeUnit.SECONDS);
        assertThat(refused).isEqualTo(new TestEndpoint.Refused(Refusal.BINARY_FRAME, ""));
        client.send("text still works");
        assertThat(client.next()).endsWith("|text still works");
        assertThat(refusals("binary_frame")).isEqualTo(1.0);
        String metrics = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        assertThat(metrics).contains("hongyan_websocket_refusals_total{reason=\"binary_frame\"} 1.0")
                .contains("hongyan_websocket_connections{endpoint=\"/websocket.signal\"} 1.0")
                .contains("hongyan_websocket_opened_total 1.0");
    }

    @Test
    void floodBeyondTheBucketIsRateLimited() throws Exception {
        start(TestServers.limits(1024, 1, 5, 100)); // burst of 5, then one per second
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        for (int i = 0; i < 20; i++) {
            client.send("m" + i);
        }
        TestEndpoint.Refused refused = exact.refusals.poll(5, TimeUnit.SECONDS);
        assertThat(refused.refusal()).isEqualTo(Refusal.RATE_LIMITED);
        assertThat(refused.prefix()).startsWith("m");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (client.messages.size() + exact.refusals.size() + 1 < 20 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        int echoed = client.messages.size();
        assertThat(echoed).isBetween(5, 8); // a slow machine may earn a token or three while sending
        assertThat(exact.refusals.size() + 1).isEqualTo(20 - echoed);
        assertThat(refusals("rate_limited")).isEqualTo(20.0 - echoed);
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        client.socket.sendPing(ByteBuffer.wrap(new byte[] {7})).get(5, TimeUnit.SECONDS);
        ByteBuffer pong = client.pongs.poll(5, TimeUnit.SECONDS);
        assertThat(pong).isNotNull();
        assertThat(pong.get(0)).isEqualTo((byte) 7);
    }

    @Test
    void gatewayCloseSendsCodeAndReasonAndSessionClosesOnce() throws Exception {
        start();
        WsClient client = WsClient.connect(http, ws("/websocket.signal"));
        client.send("close");
        WsClient.Close close = client.closed.get(5, TimeUnit.SECONDS);
        assertThat(close).isEqualTo(new WsClient.Close(4000, "closed by test"));
        awaitTrue(() -> exact.closed.get() >= 1, "onClosed is called");
        Thread.sleep(100);
        assertThat(exact.closed.get()).isEqualTo(1);
        assertThat(exact.connections.get(0).isOpen()).isFalse();
        assertThat(exact.connections.get(0).sendText("late")).isFalse();
    }

    @Test
    void upgradesBeyondMaxConnectionsGet503() throws Exception {
        start(TestServers.limits(1024, 1000, 1000, 2));
        WsClient.connect(http, ws("/websocket.signal"));
        WsClient.connect(http, ws("/ws/x"));
        assertThatThrownBy(() -> WsClient.connect(http, ws("/websocket.signal")))
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(503));
        assertThat(refusals("max_connections")).isEqualTo(1.0);
        assertThat(server.connectionCount()).isEqualTo(2);
    }

    @Test
    void upgradeOnUnclaimedPathWithoutFallbackIs404() throws Exception {
        registry = Metrics.newRegistry();
        server = new HongyanServer(TestServers.settings(), registry, List.of(exact), List.of()).start();
        assertThatThrownBy(() -> WsClient.connect(http, ws("/elsewhere")))
                .satisfies(e -> assertThat(((WebSocketHandshakeException) e.getCause()).getResponse().statusCode()).isEqualTo(404));
    }

    @Test
    void duplicateEndpointPathsAreRefused() {
        assertThatThrownBy(() -> new HongyanServer(TestServers.settings(), Metrics.newRegistry(),
                List.of(new TestEndpoint("/a"), new TestEndpoint("/a")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/a");
    }

    @Test
    void plainGetOnWebSocketPathIsNotUpgraded() throws Exception {
        start();
        var response = http.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + "/websocket.signal")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(WebSocket.class).isNotNull();
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 5000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(10);
        }
    }
}
