package dev.hongyan.core.media;

import dev.hongyan.media.Consumer;
import dev.hongyan.media.ConsumerLayers;
import dev.hongyan.media.Producer;
import dev.hongyan.media.ProducerOptions;
import dev.hongyan.media.RtpStreamStats;
import dev.hongyan.media.TransportTraceEvent;
import dev.hongyan.media.WebRtcTransport;
import dev.hongyan.media.WebRtcTransportOptions;
import dev.hongyan.media.WebRtcTransportStats;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.dtls.DtlsState;
import dev.hongyan.media.ice.IceParameters;
import dev.hongyan.media.ice.IceState;
import dev.hongyan.media.ortc.RtpCapabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One member of a room's media, whatever protocol it speaks: its transports, producers and consumers.
 * Gateways hold this handle and call it from any thread; every call runs on the room's executor and
 * answers with a future. Lookups of transports and consumers use the peer's own maps (mediasoup-demo's
 * rule: another peer's ids are "not found"); producers are looked up room-wide so that an admin may act
 * on any, and anyone else gets a clear refusal for a producer that is not theirs.
 *
 * <p>Fields are touched only on the room's executor, except the volatile flags read by gateways.
 */
public final class MediaPeer {

    private final MediaRoom room;
    private final String id;
    private final boolean admin;
    final MediaPeerListener listener;

    private volatile boolean joined;
    private volatile boolean closed;
    private String displayName;
    private PeerDevice device = PeerDevice.UNKNOWN;
    private RtpCapabilities rtpCapabilities;
    // Insertion order matters: consumers go on the first transport the peer opened for consuming.
    private final Map<String, PeerTransport> transports = new LinkedHashMap<>();
    // Engine calls in flight, counted against the limits so a burst of requests cannot overshoot them.
    private int transportsBeingMade;
    private int producersBeingMade;
    final Map<String, Producer> producers = new LinkedHashMap<>();
    final Map<String, Consumer> consumers = new LinkedHashMap<>();

    MediaPeer(MediaRoom room, String id, boolean admin, MediaPeerListener listener) {
        this.room = room;
        this.id = id;
        this.admin = admin;
        this.listener = listener;
    }

    public String id() {
        return id;
    }

    public String roomId() {
        return room.id();
    }

    public boolean isJoined() {
        return joined;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The router's capabilities, for mediasoup-client's {@code device.load()}. Needs no join. */
    public RtpCapabilities routerRtpCapabilities() {
        return room.router().rtpCapabilities();
    }

    // ---- membership ----

    /**
     * Joins: marks the peer joined and answers with the other joined peers, then makes consumers for
     * every producer already in the room and announces the peer to the others. {@code answer} runs on the
     * room's executor before any of that, so a gateway's reply to "join" goes out before the first consumer
     * offer or announcement (mediasoup-demo's app needs the peer list before consumers arrive). A future
     * could not promise that: its dependents may be attached after it completes.
     */
    public void join(JoinRequest request, BiConsumer<List<PeerInfo>, Throwable> answer) {
        room.executor().execute(() -> {
            if (closed) {
                answer.accept(null, MediaErrors.peerClosed());
                return;
            }
            if (joined) {
                answer.accept(null, MediaErrors.alreadyJoined());
                return;
            }
            joined = true;
            displayName = request.displayName();
            device = request.device();
            rtpCapabilities = request.rtpCapabilities();
            List<MediaPeer> others = room.joinedPeersExcept(this);
            List<PeerInfo> infos = new ArrayList<>(others.size());
            for (MediaPeer other : others) {
                infos.add(other.info());
            }
            answer.accept(infos, null);
            for (MediaPeer other : others) {
                for (Producer producer : List.copyOf(other.producers.values())) {
                    room.createConsumer(this, other, producer);
                }
            }
            PeerInfo me = info();
            for (MediaPeer other : others) {
                room.safely(() -> other.listener.peerJoined(me));
            }
        });
    }

    public CompletableFuture<Void> changeDisplayName(String newName) {
        return call(() -> {
            JoinRequest.displayName(newName);
            requireJoined();
            String old = displayName;
            displayName = newName;
            for (MediaPeer other : room.joinedPeersExcept(this)) {
                room.safely(() -> other.listener.peerDisplayNameChanged(id, newName, old));
            }
            return CompletableFuture.completedFuture(null);
        });
    }

    /** The peer's connection closed: close everything it owns and tell the others. */
    public CompletableFuture<Void> leave() {
        return call(() -> {
            room.closePeer(this, CloseReason.LEFT);
            return CompletableFuture.completedFuture(null);
        });
    }

    // ---- transports ----

    public CompletableFuture<TransportInfo> createWebRtcTransport(TransportRequest request) {
        return call(() -> {
            requireOpen();
            // No SCTP in the engine: the transport is made without it whatever the client asked (see TransportRequest).
            WebRtcTransportOptions options = room.settings().transportOptions()
                    .withAppData(Map.of("producing", request.producing(), "consuming", request.consuming()));
            int max = room.settings().maxTransportsPerPeer();
            if (transports.size() + transportsBeingMade >= max) {
                throw MediaErrors.limit("maxTransportsPerPeer", max, "too many transports");
            }
            transportsBeingMade++;
            return counted(() -> room.router().createWebRtcTransport(options), () -> transportsBeingMade--)
                    .thenApply(transport -> {
                if (closed) {
                    transport.close();
                    throw MediaErrors.peerClosed();
                }
                transports.put(transport.id(), new PeerTransport(transport, request.producing(), request.consuming()));
                transport.addListener(new TransportEvents(transport));
                // As mediasoup-demo: every transport traces 'bwe'; only those that consume ever have an estimate.
                transport.enableTraceEvent(List.of(TransportTraceEvent.BWE));
                return new TransportInfo(transport.id(), transport.iceParameters(), transport.iceCandidates(),
                        transport.dtlsParameters());
            });
        });
    }

    /**
     * Runs an engine call the caller counted as in flight; {@code done} uncounts it on the room's executor
     * in the same task that completes the result, so a dependent {@code thenApply} stores what was made
     * before any other request can see the count drop. Executor only.
     */
    private <T> CompletableFuture<T> counted(Supplier<CompletableFuture<T>> engineCall, Runnable done) {
        CompletableFuture<T> settled = new CompletableFuture<>();
        CompletableFuture<T> call;
        try {
            call = engineCall.get();
        } catch (RuntimeException e) {
            done.run();
            throw e;
        }
        call.whenCompleteAsync((value, failure) -> {
            done.run();
            if (failure != null) {
                settled.completeExceptionally(failure);
            } else {
                settled.complete(value);
            }
        }, room.executor());
        return settled;
    }

    public CompletableFuture<Void> connectWebRtcTransport(String transportId, DtlsParameters dtlsParameters) {
        return call(() -> transport(transportId).connect(dtlsParameters));
    }

    public CompletableFuture<IceParameters> restartIce(String transportId) {
        return call(() -> transport(transportId).restartIce());
    }

    public CompletableFuture<List<WebRtcTransportStats>> transportStats(String transportId) {
        return call(() -> transport(transportId).getStats());
    }

    // ---- producers ----

    /** Starts a producer and offers it to every other joined peer that can receive it; answers its id. */
    public CompletableFuture<String> produce(ProduceRequest request) {
        return call(() -> {
            requireJoined();
            WebRtcTransport transport = transport(request.transportId());
            // mediasoup-demo adds the owner's id so consumers' appData tells whose track it is.
            Map<String, Object> appData = new LinkedHashMap<>(request.appData());
            appData.put("peerId", id);
            int max = room.settings().maxProducersPerPeer();
            if (producers.size() + producersBeingMade >= max) {
                throw MediaErrors.limit("maxProducersPerPeer", max, "too many producers");
            }
            ProducerOptions options = ProducerOptions.of(request.kind(), request.rtpParameters()).withAppData(appData);
            producersBeingMade++;
            return counted(() -> transport.produce(options), () -> producersBeingMade--).thenApply(producer -> {
                if (closed || producer.closed()) {
                    producer.close();
                    throw MediaErrors.peerClosed();
                }
                producers.put(producer.id(), producer);
                producer.addListener(new ProducerEvents(producer));
                room.producerAdded(producer);
                for (MediaPeer other : room.joinedPeersExcept(this)) {
                    room.createConsumer(other, this, producer);
                }
                return producer.id();
            });
        });
    }

    public CompletableFuture<Void> closeProducer(String producerId) {
        return call(() -> {
            requireJoined();
            MediaPeer owner = room.producerOwner(producerId);
            Producer producer = controlledProducer(owner, producerId);
            owner.producers.remove(producerId);
            return producer.close();
        });
    }

    public CompletableFuture<Void> pauseProducer(String producerId) {
        return call(() -> {
            requireJoined();
            return controlledProducer(room.producerOwner(producerId), producerId).pause();
        });
    }

    public CompletableFuture<Void> resumeProducer(String producerId) {
        return call(() -> {
            requireJoined();
            return controlledProducer(room.producerOwner(producerId), producerId).resume();
        });
    }

    public CompletableFuture<List<RtpStreamStats>> producerStats(String producerId) {
        return call(() -> controlledProducer(room.producerOwner(producerId), producerId).getStats());
    }

    // ---- consumers ----

    public CompletableFuture<Void> pauseConsumer(String consumerId) {
        return call(() -> {
            requireJoined();
            return consumer(consumerId).pause();
        });
    }

    public CompletableFuture<Void> resumeConsumer(String consumerId) {
        return call(() -> {
            requireJoined();
            return consumer(consumerId).resume();
        });
    }

    public CompletableFuture<Void> setConsumerPreferredLayers(String consumerId, ConsumerLayers layers) {
        return call(() -> {
            requireJoined();
            return consumer(consumerId).setPreferredLayers(layers);
        });
    }

    public CompletableFuture<Void> setConsumerPriority(String consumerId, int priority) {
        return call(() -> {
            requireJoined();
            return consumer(consumerId).setPriority(priority);
        });
    }

    public CompletableFuture<Void> requestConsumerKeyFrame(String consumerId) {
        return call(() -> {
            requireJoined();
            return consumer(consumerId).requestKeyFrame();
        });
    }

    public CompletableFuture<List<RtpStreamStats>> consumerStats(String consumerId) {
        return call(() -> consumer(consumerId).getStats());
    }

    // ---- data channels: not yet (no SCTP in the engine) ----

    /** Checks what mediasoup-demo checks first (joined, own transport), then refuses: no SCTP yet. */
    public CompletableFuture<String> produceData(String transportId) {
        return call(() -> {
            requireJoined();
            transport(transportId);
            throw MediaErrors.noDataChannels();
        });
    }

    /** There are no data producers, so every id is unknown. */
    public CompletableFuture<List<Object>> dataProducerStats(String dataProducerId) {
        return CompletableFuture.failedFuture(MediaErrors.notFound("dataProducer", dataProducerId));
    }

    public CompletableFuture<List<Object>> dataConsumerStats(String dataConsumerId) {
        return CompletableFuture.failedFuture(MediaErrors.notFound("dataConsumer", dataConsumerId));
    }

    // ---- room-side helpers (room executor only) ----

    PeerInfo info() {
        return new PeerInfo(id, displayName, device);
    }

    RtpCapabilities rtpCapabilities() {
        return rtpCapabilities;
    }

    boolean admin() {
        return admin;
    }

    /** The first transport the peer opened for consuming, or null. */
    WebRtcTransport consumingTransport() {
        for (PeerTransport transport : transports.values()) {
            if (transport.consuming() && !transport.transport().closed()) {
                return transport.transport();
            }
        }
        return null;
    }

    /** Marks the peer closed and closes its transports (and with them its producers and consumers). */
    void closeOwned() {
        closed = true;
        for (PeerTransport transport : transports.values()) {
            transport.transport().close();
        }
        transports.clear();
        producers.clear();
        consumers.clear();
    }

    private void requireOpen() {
        if (closed) {
            throw MediaErrors.peerClosed();
        }
    }

    private void requireJoined() {
        requireOpen();
        if (!joined) {
            throw MediaErrors.notJoined();
        }
    }

    private WebRtcTransport transport(String transportId) {
        requireOpen();
        PeerTransport transport = transportId == null ? null : transports.get(transportId);
        if (transport == null) {
            throw MediaErrors.notFound("transport", transportId);
        }
        return transport.transport();
    }

    private Consumer consumer(String consumerId) {
        Consumer consumer = consumerId == null ? null : consumers.get(consumerId);
        if (consumer == null) {
            throw MediaErrors.notFound("consumer", consumerId);
        }
        return consumer;
    }

    /** Only a producer's owner or an admin may pause, resume, close or inspect it. */
    private Producer controlledProducer(MediaPeer owner, String producerId) {
        if (owner == null) {
            throw MediaErrors.notFound("producer", producerId);
        }
        if (owner != this && !admin) {
            throw MediaErrors.notOwner("producer", producerId);
        }
        return owner.producers.get(producerId);
    }

    /**
     * Runs {@code operation} on the room's executor and relays its outcome. Synchronous throws and engine
     * failures both become CoreExceptions.
     */
    private <T> CompletableFuture<T> call(Supplier<CompletableFuture<T>> operation) {
        CompletableFuture<T> result = new CompletableFuture<>();
        room.executor().execute(() -> {
            try {
                operation.get().whenComplete((value, failure) -> {
                    if (failure != null) {
                        result.completeExceptionally(MediaErrors.translate(failure));
                    } else {
                        result.complete(value);
                    }
                });
            } catch (RuntimeException e) {
                result.completeExceptionally(MediaErrors.translate(e));
            }
        });
        return result;
    }

    private record PeerTransport(WebRtcTransport transport, boolean producing, boolean consuming) {}

    /** Engine events arrive on the engine's loop; each hops onto the room's executor. */
    private final class TransportEvents implements WebRtcTransport.Listener {
        private final WebRtcTransport transport;

        TransportEvents(WebRtcTransport transport) {
            this.transport = transport;
        }

        @Override
        public void onIceStateChange(IceState state) {
            // Consent lost: mediasoup-demo closes the whole peer, and the client rejoins from scratch.
            if (state == IceState.DISCONNECTED || state == IceState.CLOSED) {
                room.executor().execute(() -> room.closePeer(MediaPeer.this, CloseReason.TRANSPORT_FAILED));
            }
        }

        @Override
        public void onDtlsStateChange(DtlsState state) {
            if (state.isTerminal()) {
                room.executor().execute(() -> room.closePeer(MediaPeer.this, CloseReason.TRANSPORT_FAILED));
            }
        }

        @Override
        public void onTrace(TransportTraceEvent trace) {
            if (TransportTraceEvent.BWE.equals(trace.type()) && "out".equals(trace.direction())) {
                room.executor().execute(() -> {
                    if (!closed && transports.containsKey(transport.id())) {
                        listener.downlinkBwe(trace.info());
                    }
                });
            }
        }

        @Override
        public void onClose() {
            room.executor().execute(() -> transports.remove(transport.id()));
        }
    }

    private final class ProducerEvents implements Producer.Listener {
        private final Producer producer;

        ProducerEvents(Producer producer) {
            this.producer = producer;
        }

        @Override
        public void onScore(List<dev.hongyan.media.ProducerScore> score) {
            room.executor().execute(() -> {
                if (!closed && producers.containsKey(producer.id())) {
                    listener.producerScore(producer.id(), score);
                }
            });
        }

        @Override
        public void onClose() {
            room.executor().execute(() -> producers.remove(producer.id()));
        }
    }
}
