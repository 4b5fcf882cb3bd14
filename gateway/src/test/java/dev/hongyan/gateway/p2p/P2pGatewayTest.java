package dev.hongyan.gateway.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.WebSocketSession;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class P2pGatewayTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OFFER_SDP = Base64.getEncoder().encodeToString(
            "{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}".getBytes(StandardCharsets.UTF_8));

    private final AtomicLong now = new AtomicLong();
    private final P2pGateway gateway = new P2pGateway(now::get);

    private static HandshakeRequest upgrade(String path) {
        return new HandshakeRequest(path, Map.of(), Map.of(), "127.0.0.1");
    }

    private WebSocketSession connect(String domain, FakeConnection connection) {
        HandshakeRequest request = upgrade("/ws/" + domain);
        assertThat(gateway.endpoint().handshake(request)).isEqualTo(HandshakeDecision.ACCEPT);
        return gateway.endpoint().open(connection, request);
    }

    private HttpResponse post(String body) throws Exception {
        HttpRoute route = new HttpRoute(gateway);
        return route.post(body);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    private static JsonNode json(HttpResponse response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static String offer(String from, String to) {
        return "{\"offer_sdp\":\"" + OFFER_SDP + "\",\"candidate\":[\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\"],"
                + "\"answer_domain\":\"" + to + "\",\"offer_domain\":\"" + from + "\"}";
    }

    @Test
    void offerIsPushedToTheAnswererAndTheAnswerRoutedToTheOfferer() throws Exception {
        FakeConnection a = new FakeConnection("a");
        FakeConnection b = new FakeConnection("b");
        connect("A", a);
        WebSocketSession bSocket = connect("B", b);

        HttpResponse response = post(offer("A", "B"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(json(response)).isEqualTo(json("{\"code\":0,\"msg\":\"success\",\"data\":null}"));
        JsonNode pushed = json(b.last());
        assertThat(pushed.get("ty").asText()).isEqualTo("offer");
        assertThat(pushed.get("answer_resp").isNull()).isTrue();
        assertThat(pushed.get("offer_req")).isEqualTo(json(offer("A", "B")));

        String answer = "{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + OFFER_SDP + "\",\"offer_domain\":\"A\","
                + "\"candidate\":[]},\"offer_req\":" + pushed.get("offer_req") + "}";
        bSocket.onText(answer);
        assertThat(a.sent).containsExactly(answer);
        assertThat(b.sent).hasSize(1);
    }

    @Test
    void anAnswerNamingTheOffererOnlyInTheEchoedOfferIsRoutedToo() throws Exception {
        FakeConnection a = new FakeConnection("a");
        FakeConnection b = new FakeConnection("b");
        connect("A", a);
        WebSocketSession bSocket = connect("B", b);
        post(offer("A", "B"));
        String answer = "{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + OFFER_SDP + "\",\"answer_domain\":\"B\","
                + "\"candidate\":[]},\"offer_req\":" + json(b.last()).get("offer_req") + "}";
        bSocket.onText(answer);
        assertThat(a.sent).containsExactly(answer);
    }

    @Test
    void aTakenDomainIsRefusedAtTheHandshakeAndReleasedOnClose() {
        FakeConnection first = new FakeConnection("1");
        WebSocketSession session = connect("A", first);
        HandshakeDecision second = gateway.endpoint().handshake(upgrade("/ws/A"));
        assertThat(second).isInstanceOf(HandshakeDecision.Reject.class);
        assertThat(((HandshakeDecision.Reject) second).status()).isEqualTo(409);
        session.onClosed();
        assertThat(gateway.endpoint().handshake(upgrade("/ws/A"))).isEqualTo(HandshakeDecision.ACCEPT);
        assertThat(gateway.domainCount()).isZero();
    }

    @Test
    void theLoserOfAHandshakeRaceIsToldAndClosedWithoutReleasingTheWinner() throws Exception {
        HandshakeRequest request = upgrade("/ws/A");
        FakeConnection winner = new FakeConnection("1");
        FakeConnection loser = new FakeConnection("2");
        gateway.endpoint().open(winner, request);
        WebSocketSession lost = gateway.endpoint().open(loser, request);
        assertThat(json(loser.last()).get("ty").asText()).isEqualTo("error");
        assertThat(loser.closeCode).isEqualTo(4409);
        lost.onClosed();
        assertThat(gateway.domainCount()).isEqualTo(1);
    }

    @Test
    void badDomainsAreRefusedAtTheHandshake() {
        for (String path : new String[] {"/ws/", "/ws/a/b", "/ws/" + "x".repeat(65), "/ws/-lead", "/ws/sp ace"}) {
            HandshakeDecision decision = gateway.endpoint().handshake(upgrade(path));
            assertThat(decision).as(path).isInstanceOf(HandshakeDecision.Reject.class);
            assertThat(((HandshakeDecision.Reject) decision).status()).as(path).isEqualTo(400);
        }
    }

    @Test
    void offerRefusalsNameTheProblem() throws Exception {
        connect("A", new FakeConnection("a"));
        connect("B", new FakeConnection("b"));
        assertRefused(post("not json"), 400, "body is not valid JSON");
        assertRefused(post("[1,3,7,13]"), 400, "body must be a JSON object");
        assertRefused(post(offer("A", "B").replace(OFFER_SDP, "%%%not base64")), 400, "offer_sdp is not valid base64");
        assertRefused(post(offer("A", "B").replace("\"" + OFFER_SDP + "\"", "[1,2]")), 400, "offer_sdp must be a string");
        assertRefused(post(offer("A", "B").replace("[\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\"]", "\"c\"")), 400,
                "candidate must be an array of strings");
        assertRefused(post(offer("A", "B").replace("[\"candidate:1 1 udp 1 10.0.0.1 5000 typ host\"]", "[1]")), 400,
                "candidate[0] must be a string");
        assertRefused(post("{\"offer_sdp\":\"" + OFFER_SDP + "\",\"candidate\":[],\"offer_domain\":\"A\"}"), 400,
                "missing answer_domain");
        assertRefused(post(offer("A", "C")), 404, "answer_domain \"C\" is not connected");
        assertRefused(post(offer("Z", "B")), 404, "offer_domain \"Z\" is not connected");
        assertRefused(post(offer("A", "A")), 400, "are the same");
    }

    @Test
    void badFramesGetAnErrorFrameAndTheSocketCarriesOn() throws Exception {
        FakeConnection a = new FakeConnection("a");
        FakeConnection b = new FakeConnection("b");
        connect("A", a);
        WebSocketSession bSocket = connect("B", b);
        bSocket.onText("garbage");
        assertError(b.last(), "frame is not valid JSON");
        bSocket.onText("{\"ty\":\"offer\"}");
        assertError(b.last(), "ty must be \"answer\"");
        bSocket.onText("{\"ty\":\"answer\"}");
        assertError(b.last(), "missing answer_resp");
        bSocket.onText("{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"!!\",\"candidate\":[],\"offer_domain\":\"A\"}}");
        assertError(b.last(), "answer_resp.answer_sdp is not valid base64");
        bSocket.onText("{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + OFFER_SDP + "\",\"candidate\":[]}}");
        assertError(b.last(), "missing answer_resp.offer_domain");
        bSocket.onText("{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + OFFER_SDP
                + "\",\"candidate\":[],\"offer_domain\":\"A\"}}");
        assertError(b.last(), "\"A\" has no offer waiting");
        bSocket.onRefused(WebSocketSession.Refusal.BINARY_FRAME, "");
        assertError(b.last(), "binary frames");
        assertThat(a.sent).isEmpty();
        assertThat(b.isOpen()).isTrue();

        post(offer("A", "B"));
        bSocket.onText("{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + OFFER_SDP
                + "\",\"candidate\":[],\"offer_domain\":\"A\"}}");
        assertThat(a.sent).hasSize(1);
    }

    private static String answerTo(String offerer) {
        return "{\"ty\":\"answer\",\"answer_resp\":{\"answer_sdp\":\"" + OFFER_SDP + "\",\"offer_domain\":\"" + offerer
                + "\",\"candidate\":[]}}";
    }

    @Test
    void anAnswerNeverReachesASocketThatTookTheOfferersDomainAfterTheOffer() throws Exception {
        FakeConnection a = new FakeConnection("a");
        FakeConnection b = new FakeConnection("b");
        WebSocketSession aSocket = connect("A", a);
        WebSocketSession bSocket = connect("B", b);
        assertThat(post(offer("A", "B")).status()).isEqualTo(200);
        aSocket.onClosed();
        FakeConnection impostor = new FakeConnection("a2");
        connect("A", impostor);

        bSocket.onText(answerTo("A"));
        assertThat(impostor.sent).isEmpty();
        assertError(b.last(), "offer domain \"A\" is not connected with the socket that sent the offer");
        // The stale offer is gone: answering again is a plain "no offer waiting".
        bSocket.onText(answerTo("A"));
        assertError(b.last(), "\"A\" has no offer waiting for an answer from \"B\"");
        assertThat(impostor.sent).isEmpty();

        // The new socket's own offer is answered normally.
        assertThat(post(offer("A", "B")).status()).isEqualTo(200);
        bSocket.onText(answerTo("A"));
        assertThat(impostor.sent).containsExactly(answerTo("A"));
    }

    @Test
    void aFullAnswererRefusesOffersUntilOfferersCloseOrTheirOffersAreAMinuteOld() throws Exception {
        FakeConnection b = new FakeConnection("b");
        WebSocketSession bSocket = connect("B", b);
        List<WebSocketSession> offerers = new ArrayList<>();
        for (int i = 0; i < DomainSocket.MAX_PENDING_OFFERS; i++) {
            offerers.add(connect("O" + i, new FakeConnection("o" + i)));
            assertThat(post(offer("O" + i, "B")).status()).isEqualTo(200);
        }
        connect("late", new FakeConnection("late"));
        assertRefused(post(offer("late", "B")), 429, "answer_domain \"B\" has 256 unanswered offers");

        // One offerer closing makes room for one offer.
        offerers.get(0).onClosed();
        assertThat(post(offer("late", "B")).status()).isEqualTo(200);
        FakeConnection later = new FakeConnection("later");
        connect("later", later);
        assertRefused(post(offer("later", "B")), 429, "unanswered offers");

        // A minute on, the unanswered offers give way (the youngest stays too: all are as old).
        now.addAndGet(TimeUnit.SECONDS.toNanos(61));
        assertThat(post(offer("later", "B")).status()).isEqualTo(200);
        bSocket.onText(answerTo("later"));
        assertThat(later.sent).containsExactly(answerTo("later"));
    }

    @Test
    void anAnswererClosingForgetsItsPendingOffers() throws Exception {
        connect("A", new FakeConnection("a"));
        FakeConnection b = new FakeConnection("b");
        WebSocketSession bSocket = connect("B", b);
        post(offer("A", "B"));
        DomainSocket socket = (DomainSocket) bSocket;
        assertThat(socket.pendingOffers()).isEqualTo(1);
        bSocket.onClosed();
        assertThat(socket.pendingOffers()).isZero();
    }

    private static void assertRefused(HttpResponse response, int status, String message) throws Exception {
        assertThat(response.status()).as(message).isEqualTo(status);
        JsonNode body = json(response);
        assertThat(body.get("code").asInt()).isEqualTo(-1);
        assertThat(body.get("msg").asText()).contains(message);
        assertThat(body.has("data")).isTrue();
    }

    private static void assertError(String frame, String message) throws Exception {
        JsonNode error = json(frame);
        assertThat(error.get("ty").asText()).isEqualTo("error");
        assertThat(error.get("code").asInt()).isEqualTo(-1);
        assertThat(error.get("msg").asText()).contains(message);
    }

    /** POST /offer through the route as the server would call it. */
    private record HttpRoute(P2pGateway gateway) {
        HttpResponse post(String body) throws Exception {
            dev.hongyan.gateway.connection.HttpRoute route = gateway.routes().get(0);
            assertThat(route.method()).isEqualTo("POST");
            assertThat(route.pathTemplate()).isEqualTo("/offer");
            return route.handle(new HttpRequest("POST", "/offer", Map.of(), Map.of(), Map.of(),
                    body.getBytes(StandardCharsets.UTF_8), "127.0.0.1")).toCompletableFuture().get();
        }
    }
}
