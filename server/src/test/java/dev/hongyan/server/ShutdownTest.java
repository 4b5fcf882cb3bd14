package dev.hongyan.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.server.metrics.Metrics;
import dev.hongyan.server.support.TestEndpoint;
import dev.hongyan.server.support.TestServers;
import dev.hongyan.server.support.WsClient;
import java.net.ConnectException;
import java.net.Socket;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShutdownTest {

    private final HttpClient http = TestServers.http();

    @Test
    void stopTellsEndpointsThenClosesRemainingConnectionsWith1001() throws Exception {
        TestEndpoint endpoint = new TestEndpoint("/websocket.signal");
        HongyanServer server = new HongyanServer(TestServers.settings(), Metrics.newRegistry(), List.of(endpoint), List.of())
                .start();
        int port = server.port();
        WsClient a = WsClient.connect(http, "ws://127.0.0.1:" + port + "/websocket.signal");
        WsClient b = WsClient.connect(http, "ws://127.0.0.1:" + port + "/websocket.signal");
        assertThat(endpoint.events.poll(5, TimeUnit.SECONDS)).startsWith("open");
        assertThat(endpoint.events.poll(5, TimeUnit.SECONDS)).startsWith("open");

        long started = System.nanoTime();
        server.stop();
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(endpoint.events.poll(1, TimeUnit.SECONDS)).isEqualTo("shutdown");
        assertThat(endpoint.events.poll(1, TimeUnit.SECONDS)).isEqualTo("closed");
        assertThat(endpoint.events.poll(1, TimeUnit.SECONDS)).isEqualTo("closed");
        assertThat(a.closed.get(5, TimeUnit.SECONDS)).isEqualTo(new WsClient.Close(1001, "server shutting down"));
        assertThat(b.closed.get(5, TimeUnit.SECONDS)).isEqualTo(new WsClient.Close(1001, "server shutting down"));
        assertThat(tookMillis).isGreaterThanOrEqualTo(300); // the grace period was given
        assertThat(endpoint.closed.get()).isEqualTo(2);
        assertThat(endpoint.shutdowns.get()).isEqualTo(1);
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);

        server.stop(); // idempotent
        assertThat(endpoint.shutdowns.get()).isEqualTo(1);
    }

    @Test
    void connectionsClosedByTheGatewayDuringGraceEndTheWaitEarly() throws Exception {
        TestEndpoint endpoint = new TestEndpoint("/");
        endpoint.closeOnShutdown = true;
        ServerSettings settings = TestServers.settings().withShutdown(new ServerSettings.Shutdown(10_000));
        HongyanServer server = new HongyanServer(settings, Metrics.newRegistry(), List.of(endpoint), List.of()).start();
        WsClient client = WsClient.connect(http, "ws://127.0.0.1:" + server.port() + "/anything");
        assertThat(endpoint.events.poll(5, TimeUnit.SECONDS)).startsWith("open");

        long started = System.nanoTime();
        server.stop();
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(5_000);
        assertThat(client.closed.get(5, TimeUnit.SECONDS)).isEqualTo(new WsClient.Close(1000, "bye from gateway"));
        assertThat(endpoint.closed.get()).isEqualTo(1);
    }

    @Test
    void stopBeforeStartAndDoubleStartAreHandled() {
        HongyanServer server = new HongyanServer(TestServers.settings(), Metrics.newRegistry(), List.of(), List.of());
        assertThat(server.port()).isEqualTo(-1);
        server.stop();
        assertThatThrownBy(server::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void portInUseIsAClearStartupError() {
        try (HongyanServer first = new HongyanServer(TestServers.settings(), Metrics.newRegistry(), List.of(), List.of()).start()) {
            ServerSettings taken = TestServers.settings().withHttp(TestServers.settings().http().withPort(first.port()));
            HongyanServer second = new HongyanServer(taken, Metrics.newRegistry(), List.of(), List.of());
            assertThatThrownBy(second::start).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("cannot listen on 127.0.0.1:" + first.port());
        }
    }
}
