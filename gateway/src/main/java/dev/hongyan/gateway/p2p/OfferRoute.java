package dev.hongyan.gateway.p2p;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.HttpRoute;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /offer}: pushes the offer to the answerer's socket as
 * {@code {"ty":"offer","answer_resp":null,"offer_req":{...}}}. The answer comes back on the offerer's
 * socket, never in this response.
 *
 * <p>Responses are {@code {"code":0,"msg":"success","data":null}} (the Rust original sent -1 even on
 * success), or {@code code -1} with a message naming the field and what is wrong, under a 4xx status:
 * 400 malformed body, wrong type, bad base64 or bad domain; 404 a domain not connected; 429 too many
 * unanswered offers. The originals always answered 200; the body is the same, so clients that only
 * read {@code code} are unaffected, and HTTP tools see the failure.
 */
final class OfferRoute implements HttpRoute {

    private final DomainDirectory directory;
    private final P2pJson json;

    OfferRoute(DomainDirectory directory, P2pJson json) {
        this.directory = directory;
        this.json = json;
    }

    @Override
    public String method() {
        return "POST";
    }

    @Override
    public String pathTemplate() {
        return "/offer";
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        try {
            deliver(OfferReq.read(json.object(request.bodyText(), "body")));
            return CompletableFuture.completedFuture(respond(200, 0, "success"));
        } catch (P2pException e) {
            return CompletableFuture.completedFuture(respond(e.status(), -1, e.getMessage()));
        }
    }

    private void deliver(OfferReq offer) {
        if (offer.answerDomain().equals(offer.offerDomain())) {
            throw new P2pException(400, "answer_domain and offer_domain are the same (\"" + offer.offerDomain() + "\")");
        }
        // The answer can only come back over the offerer's socket: without one it would be lost. The offer
        // is tied to that very socket, so an answer never reaches whoever holds the domain later.
        DomainSocket offerer = directory.find(offer.offerDomain())
                .orElseThrow(() -> new P2pException(404, "offer_domain \"" + offer.offerDomain()
                        + "\" is not connected: open /ws/" + offer.offerDomain() + " first to receive the answer"));
        DomainSocket answerer = directory.find(offer.answerDomain())
                .orElseThrow(() -> notConnected(offer.answerDomain()));
        ObjectNode frame = json.newObject();
        frame.put("ty", "offer");
        frame.putNull("answer_resp");
        frame.set("offer_req", offer.toJson(json));
        if (!answerer.deliverOffer(offerer, json.write(frame))) {
            throw notConnected(offer.answerDomain());
        }
    }

    private static P2pException notConnected(String domain) {
        return new P2pException(404, "answer_domain \"" + domain + "\" is not connected");
    }

    private HttpResponse respond(int status, int code, String message) {
        ObjectNode body = json.newObject();
        body.put("code", code);
        body.put("msg", message);
        body.putNull("data");
        return HttpResponse.json(status, json.write(body));
    }
}
