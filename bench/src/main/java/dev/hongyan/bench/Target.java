package dev.hongyan.bench;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/**
 * The server under load: its WebSocket URL and its Prometheus /metrics URL. Only loopback targets are
 * accepted: this program opens thousands of connections at full speed, which is a test on your own
 * machine and a denial of service on anyone else's.
 */
record Target(URI webSocket, URI metrics, InetAddress address) {

    static Target of(String webSocketUrl, String metricsUrl) {
        URI ws = URI.create(webSocketUrl);
        if (!"ws".equals(ws.getScheme())) {
            throw new IllegalArgumentException("--url must be ws://HOST:PORT/PATH (wss is not supported by the bench)");
        }
        if (ws.getHost() == null) {
            throw new IllegalArgumentException("--url has no host: " + webSocketUrl);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(ws.getHost());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--url host does not resolve: " + ws.getHost());
        }
        if (!address.isLoopbackAddress()) {
            throw new IllegalArgumentException("--url must point at this machine (loopback), got " + address);
        }
        int port = ws.getPort() > 0 ? ws.getPort() : 80;
        URI ws2 = URI.create("ws://" + ws.getHost() + ":" + port + (ws.getRawPath() == null || ws.getRawPath().isEmpty()
                ? "/" : ws.getRawPath()));
        URI metrics = metricsUrl == null || metricsUrl.isBlank()
                ? URI.create("http://" + ws.getHost() + ":" + port + "/metrics") : URI.create(metricsUrl);
        return new Target(ws2, metrics, address);
    }

    int port() {
        return webSocket.getPort();
    }
}
