package dev.hongyan.gateway.protoo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.core.media.CloseReason;
import dev.hongyan.core.media.ConsumerOffer;
import dev.hongyan.core.media.MediaPeer;
import dev.hongyan.core.media.MediaPeerListener;
import dev.hongyan.core.media.PeerInfo;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.PendingRequests;
import dev.hongyan.gateway.connection.WebSocketSession;
import dev.hongyan.media.ConsumerLayers;
import dev.hongyan.media.ConsumerScore;
import dev.hongyan.media.ProducerScore;
import dev.hongyan.media.bwe.BweTraceInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One protoo WebSocket: a member of one room. Frames arrive on the connection's executor; room events
 * arrive on the room's executor and go straight out ({@link Connection#sendText} is thread-safe and keeps
 * the order of one sender).
 *
 * <p>The room membership is made asynchronously after the upgrade (the router may need creating), so
 * requests that arrive first wait in a queue, in order, on the connection's executor; at most
 * {@link #MAX_WAITING} of them, later ones are refused at once.
 */
final class ProtooPeer implements WebSocketSession, MediaPeerListener {

    private static final Logger log = LoggerFactory.getLogger(ProtooPeer.class);

    /** protoo's close code for "the server closed this peer": protoo-client does not reconnect on it. */
    static final int CLOSE_BY_SERVER = 4000;
    static final String CLOSE_REASON = "closed by protoo-server";
    /** Requests that may wait for the room to be set up; more are refused, each with an error reply. */
    static final int MAX_WAITING = 64;

    private final ProtooGateway gateway;
    private final Connection connection;
    private final String roomId;
    private final String peerId;
    private final PendingRequests<JsonNode> pending;
    // Connection executor only:
    private final List<Runnable> waiting = new ArrayList<>();
    private MediaPeer member;
    private CoreException memberFailure;
    private volatile boolean closed;

    ProtooPeer(ProtooGateway gateway, Connection connection, String roomId, String peerId) {
        this.gateway = gateway;
        this.connection = connection;
        this.roomId = roomId;
        this.peerId = peerId;
        this.pending = new PendingRequests<>(gateway.scheduler());
    }

    ProtooGateway gateway() {
        return gateway;
    }

    String peerId() {
        return peerId;
    }

    /** Called once the room accepted the member (or failed to), on the connection's executor. */
    void attached(MediaPeer peer, Throwable failure) {
        if (failure != null) {
            memberFailure = CoreException.unwrap(failure);
            log.warn("protoo peer {} could not enter room {}: {}", peerId, roomId, memberFailure.getMessage());
            connection.close(1011, "room unavailable");
        } else if (closed) {
            // The socket closed before the room answered: leave at once.
            peer.leave();
            return;
        } else {
            member = peer;
        }
        List<Runnable> queued = new ArrayList<>(waiting);
        waiting.clear();
        queued.forEach(Runnable::run);
    }

    // ---- inbound ----

    @Override
    public void onText(String text) {
        ProtooMessage message = gateway.codec().parse(text).orElse(null);
        if (message == null) {
            // protoo drops what it cannot parse; so do we, but we count it.
            gateway.metrics().dropped();
            return;
        }
        if (message instanceof ProtooMessage.Request request) {
            onRequest(request);
        } else if (message instanceof ProtooMessage.Response response) {
            onResponse(response);
        } else if (message instanceof ProtooMessage.Notification notification) {
            // mediasoup-demo v3 defines no client notifications.
            log.debug("protoo peer {}: ignored notification {}", peerId, notification.method());
        }
    }

    private void onRequest(ProtooMessage.Request request) {
        ProtooHandler<?> handler = gateway.handlers().find(request.method()).orElse(null);
        if (handler == null) {
            sendError(request.id(), 500, "unknown request.method \"" + abbreviate(request.method()) + "\"");
            return;
        }
        gateway.metrics().request(handler.method());
        Runnable run = () -> {
            if (member == null) {
                sendError(request.id(), 500, memberFailure == null ? "peer closed" : memberFailure.getMessage());
                return;
            }
            ProtooExchange exchange = new ProtooExchange(this, member, request.id(), handler.method());
            try {
                invoke(handler, exchange, request.data());
            } catch (CoreException e) {
                exchange.reject(e);
            } catch (RuntimeException e) {
                log.error("protoo handler {} failed", handler.method(), e);
                exchange.reject(e);
            }
        };
        if (member == null && memberFailure == null) {
            if (waiting.size() >= MAX_WAITING) {
                sendError(request.id(), 500, "too many requests before the room is ready (at most " + MAX_WAITING
                        + " may wait); request refused");
                return;
            }
            waiting.add(run);
        } else {
            run.run();
        }
    }

    private <B> void invoke(ProtooHandler<B> handler, ProtooExchange exchange, ObjectNode data) {
        handler.handle(exchange, gateway.codec().bind(data, handler.bodyType()));
    }

    private void onResponse(ProtooMessage.Response response) {
        if (!response.id().canConvertToExactIntegral()) {
            return;
        }
        CompletableFuture<JsonNode> request = pending.take(response.id().asLong());
        if (request == null) {
            return;
        }
        if (response.ok()) {
            request.complete(response.data());
        } else {
            request.completeExceptionally(new CoreException(ErrorCode.TARGET_ERROR,
                    "refused with " + response.errorCode() + ": " + response.errorReason()));
        }
    }

    @Override
    public void onRefused(Refusal refusal, String textPrefix) {
        // No id can be trusted from a cut message; protoo has no error without an id. Count and go on.
        gateway.metrics().dropped();
        log.debug("protoo peer {}: message refused ({})", peerId, refusal);
    }

    @Override
    public void onClosed() {
        if (closed) {
            return;
        }
        closed = true;
        pending.failAll(new CoreException(ErrorCode.TARGET_OFFLINE, "peer closed"));
        gateway.closed(this);
        if (member != null) {
            member.leave();
        }
        // Requests still waiting for the room are dropped with the connection.
        waiting.clear();
    }

    // ---- outbound ----

    void sendSuccess(JsonNode id, Object data) {
        connection.sendText(gateway.codec().success(id, data));
    }

    void sendError(JsonNode id, int code, String reason) {
        gateway.metrics().error(code);
        connection.sendText(gateway.codec().error(id, code, reason));
    }

    void notify(String method, Object data) {
        connection.sendText(gateway.codec().notification(method, data));
    }

    /**
     * A server request: protoo-server's random id (0..10^7, kept unique among those pending) and its timeout,
     * 2 s × (15 + 0.1 × pending), about 30 s.
     */
    CompletableFuture<JsonNode> request(String method, Object data) {
        if (closed) {
            return CompletableFuture.failedFuture(new CoreException(ErrorCode.TARGET_OFFLINE, "peer closed"));
        }
        long id;
        do {
            id = ThreadLocalRandom.current().nextLong(10_000_001L);
        } while (pending.contains(id));
        long timeoutMillis = (long) (2000 * (15 + 0.1 * pending.size()));
        CompletableFuture<JsonNode> future = pending.open(id, method, timeoutMillis, "request timeout");
        // Refused (closing), or a close raced past the check above and failed only what was pending before.
        if (!connection.sendText(gateway.codec().request(id, method, data)) || closed) {
            CompletableFuture<JsonNode> unanswered = pending.take(id);
            if (unanswered != null) {
                unanswered.completeExceptionally(new CoreException(ErrorCode.TARGET_OFFLINE, "peer closed"));
            }
        }
        return future;
    }

    void close() {
        connection.close(CLOSE_BY_SERVER, CLOSE_REASON);
    }

    // ---- room events (MediaPeerListener), on the room's executor ----

    @Override
    public void peerJoined(PeerInfo peer) {
        notify("newPeer", peer);
    }

    @Override
    public void peerLeft(String id) {
        notify("peerClosed", Map.of("peerId", id));
    }

    @Override
    public void peerDisplayNameChanged(String id, String displayName, String oldDisplayName) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("peerId", id);
        data.put("displayName", displayName);
        data.put("oldDisplayName", oldDisplayName);
        notify("peerDisplayNameChanged", data);
    }

    @Override
    public CompletableFuture<?> newConsumer(ConsumerOffer offer) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("peerId", offer.peerId());
        data.put("producerId", offer.producerId());
        data.put("id", offer.id());
        data.put("kind", offer.kind());
        data.put("rtpParameters", offer.rtpParameters());
        data.put("type", offer.type());
        data.put("appData", offer.appData());
        data.put("producerPaused", offer.producerPaused());
        return request("newConsumer", data);
    }

    @Override
    public void consumerClosed(String consumerId) {
        notify("consumerClosed", Map.of("consumerId", consumerId));
    }

    @Override
    public void consumerPaused(String consumerId) {
        notify("consumerPaused", Map.of("consumerId", consumerId));
    }

    @Override
    public void consumerResumed(String consumerId) {
        notify("consumerResumed", Map.of("consumerId", consumerId));
    }

    @Override
    public void consumerScore(String consumerId, ConsumerScore score) {
        notify("consumerScore", Map.of("consumerId", consumerId, "score", score));
    }

    @Override
    public void consumerLayersChanged(String consumerId, ConsumerLayers layers) {
        // mediasoup-demo sends both keys, null when nothing is forwarded.
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("consumerId", consumerId);
        data.put("spatialLayer", layers == null ? null : layers.spatialLayer());
        data.put("temporalLayer", layers == null ? null : layers.temporalLayer());
        notify("consumerLayersChanged", data);
    }

    @Override
    public void activeSpeaker(String speakerPeerId, Integer volume) {
        Map<String, Object> data = new LinkedHashMap<>();
        if (volume == null) {
            data.put("peerId", null); // silence: mediasoup-demo sends {peerId: null}
        } else {
            // A producer without an owner id leaves the key out, as mediasoup-demo's JSON does (quirk Q4).
            if (speakerPeerId != null) {
                data.put("peerId", speakerPeerId);
            }
            data.put("volume", volume);
        }
        notify("activeSpeaker", data);
    }

    @Override
    public void producerScore(String producerId, List<ProducerScore> score) {
        notify("producerScore", Map.of("producerId", producerId, "score", score));
    }

    @Override
    public void downlinkBwe(BweTraceInfo bwe) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("desiredBitrate", bwe.desiredBitrate());
        data.put("effectiveDesiredBitrate", bwe.effectiveDesiredBitrate());
        data.put("availableBitrate", bwe.availableBitrate());
        notify("downlinkBwe", data);
    }

    @Override
    public void closed(CloseReason reason) {
        log.debug("protoo peer {} closed by the room: {}", peerId, reason);
        close();
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }
}
