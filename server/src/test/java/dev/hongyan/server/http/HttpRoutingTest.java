package dev.hongyan.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.HttpRoute;
import dev.hongyan.server.HongyanServer;
import dev.hongyan.server.ServerSettings;
import dev.hongyan.server.metrics.Metrics;
import dev.hongyan.server.support.TestServers;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpRoutingTest {

    private HongyanServer server;
    private HttpClient http;

    static HttpRoute route(String method, String template, Function<HttpRequest, CompletionStage<HttpResponse>> handler) {
        return new HttpRoute() {
            @Override
            public String method() {
                return method;
            }

            @Override
            public String pathTemplate() {
                return template;
            }

            @Override
            public CompletionStage<HttpResponse> handle(HttpRequest request) {
                return handler.apply(request);
            }
        };
    }

    @BeforeEach
    void start() {
        ServerSettings settings = TestServers.settings();
        settings = settings.withHttp(new ServerSettings.Http("127.0.0.1", 0, settings.http().tls(), true, 1024));
        List<HttpRoute> routes = List.of(
                route("GET", "/rooms/{roomId}/peers/{peerId}", r -> CompletableFuture.completedFuture(HttpResponse.json(200,
                        "{\"room\":" + Json.quote(r.pathParams().get("roomId")) + ",\"peer\":" + Json.quote(r.pathParams().get("peerId"))
                                + ",\"q\":" + Json.quote(r.queryParam("q")) + ",\"ua\":" + Json.quote(r.headers().get("x-test")) + "}"))),
                route("GET", "/rooms/special/peers/{peerId}", r -> CompletableFuture.completedFuture(HttpResponse.text(200, "special"))),
                route("DELETE", "/rooms/{roomId}", r -> CompletableFuture.completedFuture(HttpResponse.empty(204))),
                route("PUT", "/rooms/{roomId}", r -> CompletableFuture.completedFuture(HttpResponse.empty(204))),
                route("POST", "/echo", r -> CompletableFuture.completedFuture(HttpResponse.text(200, r.bodyText()))),
                route("GET", "/fail", r -> CompletableFuture.failedFuture(new IllegalStateException("boom"))),
                route("GET", "/throw", r -> { throw new IllegalArgumentException("sync boom"); }),
                route("GET", "/ip", r -> CompletableFuture.completedFuture(HttpResponse.text(200, r.remoteIp()))),
                route("GET", "/slow", r -> CompletableFuture.supplyAsync(() -> HttpResponse.text(200, "slow"),
                        CompletableFuture.delayedExecutor(150, TimeUnit.MILLISECONDS))),
                route("GET", "/fast", r -> CompletableFuture.completedFuture(HttpResponse.text(200, "fast"))));
        server = new HongyanServer(settings, Metrics.newRegistry(), List.of(), routes).start();
        http = TestServers.http();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private java.net.http.HttpResponse<String> send(String method, String path, String body) throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("X-Test", "yes")
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                        : java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void routesWithPathParamsQueryAndHeaders() throws Exception {
        var response = send("GET", "/rooms/r%2F1/peers/p+2?q=a%20b", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo("{\"room\":\"r/1\",\"peer\":\"p+2\",\"q\":\"a b\",\"ua\":\"yes\"}");
        assertThat(send("GET", "/rooms/special/peers/x", null).body()).isEqualTo("special");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405WithAllow() throws Exception {
        assertThat(send("GET", "/nothing/here", null).statusCode()).isEqualTo(404);
        assertThat(send("GET", "/rooms//peers/x", null).statusCode()).isEqualTo(404);
        var response = send("POST", "/rooms/abc", "{}");
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("allow")).hasValue("DELETE, PUT");
        assertThat(send("DELETE", "/rooms/abc", null).statusCode()).isEqualTo(204);
    }

    @Test
    void bodyWithinLimitIsDeliveredAndLargerIs413() throws Exception {
        assertThat(send("POST", "/echo", "hello").body()).isEqualTo("hello");
        assertThat(send("POST", "/echo", "x".repeat(2000)).statusCode()).isEqualTo(413);
        assertThat(send("POST", "/echo", "again").body()).isEqualTo("again");
    }

    @Test
    void failedOrThrowingHandlerIs500Json() throws Exception {
        var failed = send("GET", "/fail", null);
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":\"boom\"}");
        var thrown = send("GET", "/throw", null);
        assertThat(thrown.statusCode()).isEqualTo(500);
        assertThat(thrown.body()).isEqualTo("{\"error\":\"sync boom\"}");
    }

    @Test
    void malformedRequestIs400() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            assertThat(in.readLine()).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnOneKeepAliveConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /slow HTTP/1.1\r\nHost: x\r\n\r\nGET /fast HTTP/1.1\r\nHost: x\r\n\r\n"
                    + "GET /fast HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(all.split("HTTP/1.1 200", -1)).hasSize(4);
            assertThat(all.indexOf("slow")).isLessThan(all.indexOf("fast"));
            assertThat(all).containsIgnoringCase("connection: close");
        }
    }

    @Test
    void remoteIpHonoursForwardedForOnlyWhenTrusted() throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/ip"))
                .header("X-Forwarded-For", "6.6.6.6, 10.1.2.3").build();
        assertThat(http.send(request, java.net.http.HttpResponse.BodyHandlers.ofString()).body()).isEqualTo("10.1.2.3");
        assertThat(send("GET", "/ip", null).body()).isEqualTo("127.0.0.1");
    }

    @Test
    void healthReportsStatusUptimeAndConnections() throws Exception {
        var response = send("GET", "/health", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).matches("\\{\"status\":\"UP\",\"uptimeSeconds\":\\d+,\"connections\":0}");
    }

    @Test
    void metricsAreServedInPrometheusText() throws Exception {
        send("GET", "/fast", null);
        var response = send("GET", "/metrics", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(response.body())
                .contains("hongyan_http_requests_seconds_count{method=\"GET\",route=\"/fast\",status=\"200\"} 1")
                .contains("hongyan_websocket_refusals_total{reason=\"slow_reader\"} 0")
                .contains("jvm_memory_used_bytes")
                .contains("process_resident_memory_bytes")
                .contains("process_uptime_seconds");
    }

    @Test
    void clashingRoutesAreRefusedAtConstruction() {
        var a = route("GET", "/a/{x}", r -> null);
        var b = route("GET", "/a/{y}", r -> null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new HongyanServer(TestServers.settings(), Metrics.newRegistry(), List.of(), List.of(a, b)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("/a/{y}");
        var health = route("GET", "/health", r -> null);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new HongyanServer(TestServers.settings(), Metrics.newRegistry(), List.of(), List.of(health)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Map.of()).isEmpty();
    }
}
