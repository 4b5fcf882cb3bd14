package dev.hongyan.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.server.HongyanServer;
import dev.hongyan.server.metrics.Metrics;
import dev.hongyan.server.support.TestEndpoint;
import dev.hongyan.server.support.TestServers;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SlowReaderTest {

    @Test
    void peerThatStopsReadingIsCutAndCounted() throws Exception {
        TestEndpoint flood = new TestEndpoint("/flood");
        flood.floodOnOpen = true;
        PrometheusMeterRegistry registry = Metrics.newRegistry();
        try (HongyanServer server = new HongyanServer(TestServers.settings(), registry, List.of(flood), List.of()).start();
                Socket socket = new Socket()) {
            // A small receive window makes the kernel buffers fill after a few hundred KiB, not megabytes.
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()));
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET /flood HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            String status = readLine(socket.getInputStream());
            assertThat(status).startsWith("HTTP/1.1 101");
            // Now read nothing while the endpoint floods.
            assertThat(flood.events.poll(5, TimeUnit.SECONDS)).startsWith("open");
            assertThat(flood.events.poll(10, TimeUnit.SECONDS)).isEqualTo("closed");
            assertThat(flood.closed.get()).isEqualTo(1);
            assertThat(registry.get("hongyan.websocket.refusals").tag("reason", "slow_reader").counter().count())
                    .isEqualTo(1.0);
            assertThat(server.connectionCount()).isZero();
        }
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            line.append((char) c);
        }
        return line.toString().trim();
    }
}
