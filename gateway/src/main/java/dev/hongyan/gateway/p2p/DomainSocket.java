package dev.hongyan.gateway.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.WebSocketSession;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One peer's socket on {@code /ws/{domain}}. It receives offers (pushed by POST /offer) and sends
 * answers, which the server routes to the offerer's socket. A bad frame is answered with an error
 * frame; the socket and everyone else carry on.
 */
final class DomainSocket implements WebSocketSession {

    /** Close code when the domain was taken between the handshake and the upgrade. */
    static final int CLOSE_DOMAIN_TAKEN = 4409;
    static final int MAX_PENDING_OFFERS = 256;

    private final String domain;
    private final Connection connection;
    private final DomainDirectory directory;
    private final P2pJson json;
    /** Offerers whose offer reached this socket and that it has not answered yet. */
    private final Set<String> pendingOfferers = ConcurrentHashMap.newKeySet();

    DomainSocket(String domain, Connection connection, DomainDirectory directory, P2pJson json) {
        this.domain = domain;
        this.connection = connection;
        this.directory = directory;
        this.json = json;
    }

    String domain() {
        return domain;
    }

    /** Pushes an offer frame; false when the socket has closed meanwhile. */
    boolean deliverOffer(String offererDomain, String frame) {
        if (pendingOfferers.size() >= MAX_PENDING_OFFERS && !pendingOfferers.contains(offererDomain)) {
            throw new P2pException(429, "answer_domain \"" + domain + "\" has " + MAX_PENDING_OFFERS + " unanswered offers");
        }
        pendingOfferers.add(offererDomain);
        if (!connection.sendText(frame)) {
            pendingOfferers.remove(offererDomain);
            return false;
        }
        return true;
    }

    boolean send(String frame) {
        return connection.sendText(frame);
    }

    void refuseTakenDomain() {
        sendError("domain \"" + domain + "\" is already registered by another socket");
        connection.close(CLOSE_DOMAIN_TAKEN, "domain already registered");
    }

    @Override
    public void onText(String text) {
        try {
            routeAnswer(text);
        } catch (P2pException e) {
            sendError(e.getMessage());
        }
    }

    /**
     * {@code {"ty":"answer","answer_resp":{answer_sdp, candidate, offer_domain},"offer_req":{...}}}. Real
     * answerers (webrtc-demo's answer-go) name the offerer in answer_resp.offer_domain, although the spec's
     * table lists answer_domain there; offer_req.offer_domain (the echoed offer) is the fallback.
     */
    private void routeAnswer(String text) {
        ObjectNode frame = json.object(text, "frame");
        String type = P2pJson.text(frame, "ty", "ty");
        if (!"answer".equals(type)) {
            throw new P2pException(400, "ty must be \"answer\" on the socket (offers are sent with POST /offer), not \""
                    + DomainName.abbreviate(type) + "\"");
        }
        ObjectNode answer = P2pJson.child(frame, "answer_resp", "answer_resp");
        P2pJson.base64(answer, "answer_sdp", "answer_resp.answer_sdp");
        P2pJson.strings(answer, "candidate", "answer_resp.candidate");
        String offerer = offererOf(frame, answer);
        if (!pendingOfferers.contains(offerer)) {
            throw new P2pException(409, "\"" + offerer + "\" has no offer waiting for an answer from \"" + domain + "\"");
        }
        DomainSocket target = directory.find(offerer)
                .orElseThrow(() -> new P2pException(404, "offer domain \"" + offerer + "\" is not connected"));
        // Relayed exactly as sent, like the Rust original: the offerer may want the echoed offer_req.
        if (!target.send(text)) {
            throw new P2pException(404, "offer domain \"" + offerer + "\" is not connected");
        }
        pendingOfferers.remove(offerer);
    }

    private static String offererOf(ObjectNode frame, ObjectNode answer) {
        if (answer.hasNonNull("offer_domain")) {
            return P2pJson.domain(answer, "offer_domain", "answer_resp.offer_domain");
        }
        JsonNode offer = frame.get("offer_req");
        if (offer != null && offer.isObject() && offer.hasNonNull("offer_domain")) {
            return P2pJson.domain((ObjectNode) offer, "offer_domain", "offer_req.offer_domain");
        }
        throw new P2pException(400, "missing answer_resp.offer_domain (or offer_req.offer_domain): whom the answer is for");
    }

    @Override
    public void onRefused(Refusal refusal, String textPrefix) {
        sendError(switch (refusal) {
            case FRAME_TOO_LARGE -> "frame larger than the server's frame limit; dropped";
            case RATE_LIMITED -> "too many frames per second; frame dropped";
            case BINARY_FRAME -> "binary frames are not supported; send JSON text frames";
        });
    }

    @Override
    public void onClosed() {
        directory.release(domain, this);
    }

    private void sendError(String message) {
        ObjectNode error = json.newObject();
        error.put("ty", "error");
        error.put("code", -1);
        error.put("msg", message);
        connection.sendText(json.write(error));
    }
}
