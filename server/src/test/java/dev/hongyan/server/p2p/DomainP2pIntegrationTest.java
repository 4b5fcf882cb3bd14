package dev.hongyan.server.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.server.support.TestServers;
import dev.hongyan.server.support.WsClient;
import dev.hongyan.server.testing.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The domain P2P API against the started server with real WebSocket and HTTP clients. */
class DomainP2pIntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SDP = Base64.getEncoder().encodeToString(
            "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}".getBytes(StandardCharsets.UTF_8));

    private final TestServer server = TestServer.start();
    private final HttpClient http = TestServers.http();

    @AfterEach
    void stop() {
        server.close();
    }

    private WsClient open(String domain) throws Exception {
        return WsClient.connect(http, "ws://127.0.0.1:" + server.port() + "/ws/" + domain);
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.httpUrl() + "/offer"))
                .header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String offer(String from, String to, String sdp) {
        return "{\"offer_sdp\":\"" + sdp + "\",\"candidate\":[\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\"],"
                + "\"answer_domain\":\"" + to + "\",\"offer_domain\":\"" + from + "\"}";
    }

    private static void assertRefused(HttpResponse<String> response, int status, String part) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("code").asInt()).isEqualTo(-1);
        assertThat(body.path("msg").asText()).contains(part);
    }

    @Test
    void offerAndAnswerAreRoutedBetweenTheDomains() throws Exception {
        WsClient a = open("A");
        WsClient b = open("B");
        HttpResponse<String> response = post(offer("A", "B", SDP));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(response.body())).isEqualTo(JSON.readTree("{\"code\":0,\"msg\":\"success\",\"data\":null}"));
        JsonNode pushed = JSON.readTree(b.next());
        assertThat(pushed.path("ty").asText()).isEqualTo("offer");
        assertThat(pushed.get("answer_resp").isNull()).isTrue();
        assertThat(pushed.get("offer_req")).isEqualTo(JSON.readTree(offer("A", "B", SDP)));
        String answer = "{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + SDP
                + "\",\"offer_domain\":\"A\",\"candidate\":[]},\"offer_req\":" + pushed.get("offer_req") + "}";
        b.send(answer);
        assertThat(a.next()).isEqualTo(answer);
    }

    @Test
    void aTakenDomainIsRefusedWith409UntilItsSocketCloses() throws Exception {
        WsClient first = open("A");
        assertThatThrownBy(() -> open("A")).isInstanceOf(ExecutionException.class)
                .satisfies(e -> {
                    assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
                    HttpResponse<?> refusal = ((WebSocketHandshakeException) e.getCause()).getResponse();
                    assertThat(refusal.statusCode()).isEqualTo(409);
                });
        first.socket.sendClose(1000, "bye").get();
        first.closed.get();
        // The server releases the domain when it sees the close; give it a moment, then A is free again.
        WsClient second = null;
        for (int attempt = 0; second == null; attempt++) {
            try {
                second = open("A");
            } catch (ExecutionException e) {
                if (attempt >= 50) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
        assertThat(second.closed).isNotDone();
    }

    @Test
    void badOffersAreRefusedWithAPreciseMessage() throws Exception {
        open("A");
        open("B");
        assertRefused(post(offer("A", "Z", SDP)), 404, "answer_domain \"Z\" is not connected");
        assertRefused(post(offer("A", "B", "*** not base64 ***")), 400, "offer_sdp is not valid base64");
        assertRefused(post("{\"offer_sdp\":42}"), 400, "offer_sdp must be a string");
        assertRefused(post("nonsense"), 400, "not valid JSON");
    }

    @Test
    void aBadFrameGetsAnErrorFrameAndNobodyElseIsDisturbed() throws Exception {
        WsClient a = open("A");
        WsClient b = open("B");
        b.send("{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"%%\",\"candidate\":[],\"offer_domain\":\"A\"}}");
        JsonNode error = JSON.readTree(b.next());
        assertThat(error.path("ty").asText()).isEqualTo("error");
        assertThat(error.path("msg").asText()).contains("answer_resp.answer_sdp is not valid base64");
        b.send("]]");
        assertThat(JSON.readTree(b.next()).path("msg").asText()).contains("not valid JSON");
        assertThat(post(offer("B", "A", SDP)).statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(a.next()).path("ty").asText()).isEqualTo("offer");
        assertThat(b.closed).isNotDone();
    }
}
