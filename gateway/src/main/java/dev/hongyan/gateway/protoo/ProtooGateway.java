package dev.hongyan.gateway.protoo;

import dev.hongyan.core.media.MediaRooms;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.gateway.connection.WebSocketSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;

/**
 * mediasoup-demo v3's signaling: protoo over WebSocket on any path no other endpoint claims, with
 * {@code ?roomId=&peerId=} in the query and subprotocol {@code protoo}. Each connection is a member of
 * the room's media ({@link MediaRooms}); requests map one to one onto handlers, room events onto protoo
 * notifications and {@code newConsumer} requests.
 *
 * <p>Not produced (yet): {@code activeSpeaker} (the engine has no audio-level observer),
 * data channels ({@code newDataConsumer},
 * {@code dataConsumerClosed}: no SCTP). {@code consumerReplicas} in the URL is ignored.
 */
public final class ProtooGateway implements WebSocketEndpoint {

    /** The mediasoup release whose JSON shapes and demo behaviour this gateway follows. */
    public static final String MEDIASOUP_VERSION = "3.14.16";
    static final String SUBPROTOCOL = "protoo";
    static final int MAX_ID_LENGTH = 256;

    private final MediaRooms rooms;
    private final ProtooSettings settings;
    private final ProtooHandlers handlers;
    private final ProtooCodec codec = new ProtooCodec();
    private final ScheduledExecutorService scheduler;
    private final ProtooMetrics metrics;
    private final Set<ProtooPeer> peers = ConcurrentHashMap.newKeySet();

    public ProtooGateway(MediaRooms rooms, ProtooSettings settings, ScheduledExecutorService scheduler,
            MeterRegistry meterRegistry) {
        this(rooms, settings, ProtooHandlers.mediasoupDemo(), scheduler, meterRegistry);
    }

    ProtooGateway(MediaRooms rooms, ProtooSettings settings, ProtooHandlers handlers, ScheduledExecutorService scheduler,
            MeterRegistry meterRegistry) {
        this.rooms = rooms;
        this.settings = settings;
        this.handlers = handlers;
        this.scheduler = scheduler;
        this.metrics = new ProtooMetrics(meterRegistry);
    }

    /** protoo clients connect to any path; the server gives us whatever no other endpoint claims. */
    @Override
    public String path() {
        return "/";
    }

    /** Without it the server answers 403 "invalid/missing Sec-WebSocket-Protocol", as protoo-server does. */
    @Override
    public Optional<String> subprotocol() {
        return Optional.of(SUBPROTOCOL);
    }

    @Override
    public HandshakeDecision handshake(HandshakeRequest request) {
        String roomId = request.queryParam("roomId");
        String peerId = request.queryParam("peerId");
        if (roomId == null || roomId.isEmpty() || peerId == null || peerId.isEmpty()) {
            return HandshakeDecision.reject(400, "Connection request without roomId and/or peerId");
        }
        if (roomId.length() > MAX_ID_LENGTH || peerId.length() > MAX_ID_LENGTH) {
            return HandshakeDecision.reject(400, "roomId and peerId must be at most " + MAX_ID_LENGTH + " characters");
        }
        return HandshakeDecision.ACCEPT;
    }

    @Override
    public WebSocketSession open(Connection connection, HandshakeRequest request) {
        String roomId = request.queryParam("roomId");
        String peerId = request.queryParam("peerId");
        ProtooPeer peer = new ProtooPeer(this, connection, roomId, peerId);
        peers.add(peer);
        // Before any request, as mediasoup-demo does right after accepting.
        peer.notify("mediasoup-version", Map.of("version", MEDIASOUP_VERSION));
        rooms.connect(roomId, peerId, false, peer).whenComplete((member, failure) ->
                connection.executor().execute(() -> peer.attached(member, failure)));
        return peer;
    }

    void closed(ProtooPeer peer) {
        peers.remove(peer);
    }

    public int peerCount() {
        return peers.size();
    }

    ProtooSettings settings() {
        return settings;
    }

    ProtooHandlers handlers() {
        return handlers;
    }

    ProtooCodec codec() {
        return codec;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    ProtooMetrics metrics() {
        return metrics;
    }
}
