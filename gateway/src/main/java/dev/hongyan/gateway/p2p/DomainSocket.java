package dev.hongyan.gateway.p2p;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.WebSocketSession;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * One peer's socket on {@code /ws/{domain}}. It receives offers (pushed by POST /offer) and sends
 * answers, which the server routes to the offerer's socket. A bad frame is answered with an error
 * frame; the socket and everyone else carry on.
 */
final class DomainSocket implements WebSocketSession {

    /** Close code when the domain was taken between the handshake and the upgrade. */
    static final int CLOSE_DOMAIN_TAKEN = 4409;
    static final int MAX_PENDING_OFFERS = 256;
    /** An unanswered offer older than this gives way when the socket has {@link #MAX_PENDING_OFFERS}. */
    static final long PENDING_OFFER_TTL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final String domain;
    private final Connection connection;
    private final DomainDirectory directory;
    private final P2pJson json;
    /**
     * Offerer domain → the socket that offered (the answer goes back to that socket only) and when,
     * for the offers that reached this socket and that it has not answered yet.
     */
    private final Map<String, PendingOffer> pendingOffers = new ConcurrentHashMap<>();
    private volatile boolean closed;

    DomainSocket(String domain, Connection connection, DomainDirectory directory, P2pJson json) {
        this.domain = domain;
        this.connection = connection;
        this.directory = directory;
        this.json = json;
    }

    String domain() {
        return domain;
    }

    /**
     * Pushes an offer frame from {@code offerer}'s socket; false when this socket has closed meanwhile.
     * When {@link #MAX_PENDING_OFFERS} offers wait, those whose offerer has gone or that are older than
     * {@link #PENDING_OFFER_TTL_NANOS} make room first; if none can, the offer is refused (429).
     */
    synchronized boolean deliverOffer(DomainSocket offerer, String frame) {
        String offererDomain = offerer.domain();
        long now = directory.nanoTime();
        if (pendingOffers.size() >= MAX_PENDING_OFFERS && !pendingOffers.containsKey(offererDomain)) {
            pendingOffers.values().removeIf(pending -> pending.offerer().isClosed()
                    || now - pending.arrivedNanos() > PENDING_OFFER_TTL_NANOS);
            if (pendingOffers.size() >= MAX_PENDING_OFFERS) {
                throw new P2pException(429, "answer_domain \"" + domain + "\" has " + MAX_PENDING_OFFERS + " unanswered offers");
            }
        }
        PendingOffer pending = new PendingOffer(offerer, now);
        pendingOffers.put(offererDomain, pending);
        if (!connection.sendText(frame)) {
            pendingOffers.remove(offererDomain, pending);
            return false;
        }
        return true;
    }

    /** True once the socket closed; its pending offers elsewhere can no longer be answered. */
    boolean isClosed() {
        return closed || !connection.isOpen();
    }

    /** Offers waiting for this socket's answer (for tests). */
    int pendingOffers() {
        return pendingOffers.size();
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
        PendingOffer pending = pendingOffers.get(offerer);
        if (pending == null) {
            throw new P2pException(409, "\"" + offerer + "\" has no offer waiting for an answer from \"" + domain + "\"");
        }
        DomainSocket target = directory.find(offerer).orElse(null);
        if (target != pending.offerer()) {
            // The offering socket is gone: nobody can take this answer, whoever holds the domain now.
            pendingOffers.remove(offerer, pending);
            throw new P2pException(404, "offer domain \"" + offerer + "\" is not connected"
                    + (target == null ? "" : " with the socket that sent the offer (it reconnected); answer dropped"));
        }
        // Relayed exactly as sent, like the Rust original: the offerer may want the echoed offer_req.
        if (!target.send(text)) {
            pendingOffers.remove(offerer, pending);
            throw new P2pException(404, "offer domain \"" + offerer + "\" is not connected");
        }
        pendingOffers.remove(offerer, pending);
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
        closed = true;
        pendingOffers.clear();
        directory.release(domain, this);
    }

    private record PendingOffer(DomainSocket offerer, long arrivedNanos) {}

    private void sendError(String message) {
        ObjectNode error = json.newObject();
        error.put("ty", "error");
        error.put("code", -1);
        error.put("msg", message);
        connection.sendText(json.write(error));
    }
}
