package dev.hongyan.gateway.p2p;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The offerer's request (spec 003 "OfferReq"): {@code offer_sdp} is base64 of the JSON
 * RTCSessionDescription, {@code candidate} the candidate lines.
 */
record OfferReq(String offerSdp, List<String> candidate, String answerDomain, String offerDomain) {

    OfferReq {
        candidate = List.copyOf(candidate);
    }

    static OfferReq read(ObjectNode body) {
        return new OfferReq(
                P2pJson.base64(body, "offer_sdp", "offer_sdp"),
                P2pJson.strings(body, "candidate", "candidate"),
                P2pJson.domain(body, "answer_domain", "answer_domain"),
                P2pJson.domain(body, "offer_domain", "offer_domain"));
    }

    /** The spec's field names and order. */
    ObjectNode toJson(P2pJson json) {
        ObjectNode node = json.newObject();
        node.put("offer_sdp", offerSdp);
        ArrayNode candidates = node.putArray("candidate");
        candidate.forEach(candidates::add);
        node.put("answer_domain", answerDomain);
        node.put("offer_domain", offerDomain);
        return node;
    }
}
