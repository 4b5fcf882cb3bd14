package dev.hongyan.core.media;

import dev.hongyan.core.concurrent.SerialExecutor;

import dev.hongyan.media.AudioLevelObserver;
import dev.hongyan.media.AudioLevelObserverOptions;
import dev.hongyan.media.AudioLevelObserverVolume;
import dev.hongyan.media.Consumer;
import dev.hongyan.media.ConsumerLayers;
import dev.hongyan.media.ConsumerOptions;
import dev.hongyan.media.ConsumerScore;
import dev.hongyan.media.Producer;
import dev.hongyan.media.Router;
import dev.hongyan.media.WebRtcTransport;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpCapabilities;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media side of one room: its router and its members ({@link MediaPeer}s) whatever protocol they
 * speak. A protoo peer, a REST broadcaster and (once the native room attaches one) a native client are
 * members alike, so they see and hear each other.
 *
 * <p><b>Rules.</b> A consumer is made for every other joined member that has a consuming transport and
 * can receive the producer; it starts paused, the member is offered it, and it is resumed once the member
 * accepts. Closing a member closes everything it owns. A member connecting again with the same id replaces
 * the old one. The room (and its router) closes when its last member leaves. Every audio producer is
 * watched by the room's audio level observer, and every joined member is told who speaks loudest.
 *
 * <p><b>Threading.</b> One serial executor per room (an actor on a shared pool) runs every state change,
 * so nothing here is locked. Engine calls are asynchronous; their results and the engine's events come
 * back on the engine's loop and hop onto the room's executor before touching state. As with
 * mediasoup-demo's Node event loop, other room work may run while an engine call is in flight, which is
 * why results re-check that the member is still open. The engine loop itself is kept free of signalling
 * work: it carries the media packets.
 */
public final class MediaRoom {

    private static final Logger log = LoggerFactory.getLogger(MediaRoom.class);

    /** What mediasoup-demo gives its rooms' AudioLevelObserver: the loudest one, from -80 dBov, every 800 ms. */
    static final AudioLevelObserverOptions AUDIO_LEVEL_OBSERVER = new AudioLevelObserverOptions(1, -80, 800, Map.of());

    private final String id;
    private final Router router;
    private final AudioLevelObserver audioLevelObserver;
    private final SerialExecutor executor;
    private final MediaRoomSettings settings;
    private final java.util.function.Consumer<MediaRoom> onClosed;
    private final Map<String, MediaPeer> peers = new LinkedHashMap<>();
    private volatile boolean closed;

    MediaRoom(String id, Router router, AudioLevelObserver audioLevelObserver, SerialExecutor executor,
            MediaRoomSettings settings, java.util.function.Consumer<MediaRoom> onClosed) {
        this.id = id;
        this.router = router;
        this.audioLevelObserver = audioLevelObserver;
        this.executor = executor;
        this.settings = settings;
        this.onClosed = onClosed;
        router.addListener(new Router.Listener() {
            @Override
            public void onClose() {
                executor.execute(() -> close(CloseReason.ROOM_CLOSED));
            }
        });
        audioLevelObserver.addListener(new AudioLevelObserver.Listener() {
            @Override
            public void onVolumes(List<AudioLevelObserverVolume> volumes) {
                AudioLevelObserverVolume loudest = volumes.get(0);
                // The owner's id as mediasoup-demo reads it, from the producer's appData (absent for a
                // producer made without one: quirk Q4 of the reference).
                Object peerId = loudest.producer().appData().get("peerId");
                int volume = loudest.volume();
                executor.execute(() -> activeSpeaker(peerId instanceof String s ? s : null, volume));
            }

            @Override
            public void onSilence() {
                executor.execute(() -> activeSpeaker(null, null));
            }
        });
    }

    /** Tells every joined member who speaks loudest now; a null volume is silence. Executor only. */
    private void activeSpeaker(String peerId, Integer volume) {
        if (closed) {
            return;
        }
        for (MediaPeer peer : joinedPeersExcept(null)) {
            safely(() -> peer.listener.activeSpeaker(peerId, volume));
        }
    }

    /** A member's new producer: audio ones are watched for the active speaker. Executor only. */
    void producerAdded(Producer producer) {
        if (producer.kind() != MediaKind.AUDIO) {
            return;
        }
        audioLevelObserver.addProducer(producer.id()).exceptionally(failure -> {
            // The producer closed meanwhile: nothing to watch.
            log.debug("room {}: audio producer {} not observed: {}", id, producer.id(), failure.getMessage());
            return null;
        });
    }

    public String id() {
        return id;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Router id, for logs and tests (a fresh room has a fresh router). */
    public String routerId() {
        return router.id();
    }

    /** Number of members, read from any thread (approximate while the room changes). */
    public CompletableFuture<Integer> size() {
        CompletableFuture<Integer> size = new CompletableFuture<>();
        executor.execute(() -> size.complete(peers.size()));
        return size;
    }

    // ---- membership ----

    /**
     * Adds a member, closing a previous one with the same id ({@link CloseReason#REPLACED}). Completes
     * with null when the room closed meanwhile: the caller asks the registry for a fresh room.
     */
    CompletableFuture<MediaPeer> attach(String peerId, boolean admin, MediaPeerListener listener) {
        CompletableFuture<MediaPeer> result = new CompletableFuture<>();
        executor.execute(() -> {
            if (closed) {
                result.complete(null);
                return;
            }
            if (!peers.containsKey(peerId) && peers.size() >= settings.maxPeersPerRoom()) {
                result.completeExceptionally(MediaErrors.limit("maxPeersPerRoom", settings.maxPeersPerRoom(),
                        "room " + id + " is full"));
                return;
            }
            MediaPeer peer = new MediaPeer(this, peerId, admin, listener);
            // Put the new member first so closing the old one never sees an empty room (mediasoup-demo
            // closes the whole room in that case, quirk Q5 of the reference; we do not copy it).
            MediaPeer previous = peers.put(peerId, peer);
            if (previous != null) {
                closePeer(previous, CloseReason.REPLACED);
            }
            result.complete(peer);
        });
        return result;
    }

    /** Closes a member and all it owns; tells the others if it had joined. Idempotent. Executor only. */
    void closePeer(MediaPeer peer, CloseReason reason) {
        if (peer.isClosed()) {
            return;
        }
        boolean wasJoined = peer.isJoined();
        peers.remove(peer.id(), peer);
        peer.closeOwned();
        if (reason != CloseReason.LEFT) {
            safely(() -> peer.listener.closed(reason));
        }
        if (wasJoined) {
            for (MediaPeer other : joinedPeersExcept(peer)) {
                safely(() -> other.listener.peerLeft(peer.id()));
            }
        }
        if (peers.isEmpty()) {
            close(CloseReason.ROOM_CLOSED);
        }
    }

    /** Closes every member and the router, once. Executor only. */
    private void close(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        for (MediaPeer peer : new ArrayList<>(peers.values())) {
            peers.remove(peer.id());
            peer.closeOwned();
            safely(() -> peer.listener.closed(reason));
        }
        router.close();
        onClosed.accept(this);
        log.debug("room {} closed (router {})", id, router.id());
    }

    // ---- consumers ----

    /**
     * Offers {@code producer} to {@code consumerPeer} if it can take it (joined, a consuming transport,
     * capabilities that fit); otherwise skips it without a word, as mediasoup-demo does. Executor only.
     */
    void createConsumer(MediaPeer consumerPeer, MediaPeer producerPeer, Producer producer) {
        RtpCapabilities caps = consumerPeer.rtpCapabilities();
        if (consumerPeer.isClosed() || caps == null || producer.closed() || !router.canConsume(producer.id(), caps)) {
            return;
        }
        WebRtcTransport transport = consumerPeer.consumingTransport();
        if (transport == null) {
            return;
        }
        // Paused until the client has set up its side: resuming then also asks the sender for a keyframe.
        ConsumerOptions options = new ConsumerOptions(producer.id(), caps, true, null, null, true, true, Map.of());
        transport.consume(options).whenCompleteAsync((consumer, failure) -> {
            if (failure != null) {
                log.debug("room {}: no consumer of {} for {}: {}", id, producer.id(), consumerPeer.id(),
                        MediaErrors.translate(failure).getMessage());
                return;
            }
            if (consumerPeer.isClosed() || consumer.closed()) {
                consumer.close();
                return;
            }
            consumerPeer.consumers.put(consumer.id(), consumer);
            consumer.addListener(new ConsumerEvents(consumerPeer, consumer));
            ConsumerOffer offer = new ConsumerOffer(producerPeer.id(), producer.id(), consumer.id(), consumer.kind(),
                    consumer.rtpParameters(), consumer.type(), producer.appData(), consumer.producerPaused());
            CompletableFuture<?> accepted;
            try {
                accepted = consumerPeer.listener.newConsumer(offer);
            } catch (RuntimeException e) {
                accepted = CompletableFuture.failedFuture(e);
            }
            accepted.whenCompleteAsync((ignored, refused) -> {
                if (refused != null) {
                    // mediasoup-demo only logs it; the consumer stays, paused.
                    log.debug("room {}: {} did not take consumer {}: {}", id, consumerPeer.id(), consumer.id(),
                            refused.getMessage());
                    return;
                }
                if (consumer.closed()) {
                    return;
                }
                consumer.resume().whenCompleteAsync((done, resumeFailure) -> {
                    if (resumeFailure == null && !consumerPeer.isClosed() && consumerPeer.consumers.containsKey(consumer.id())) {
                        consumerPeer.listener.consumerScore(consumer.id(), consumer.score());
                    }
                }, executor);
            }, executor);
        }, executor);
    }

    // ---- lookups (executor only) ----

    List<MediaPeer> joinedPeersExcept(MediaPeer except) {
        List<MediaPeer> joined = new ArrayList<>();
        for (MediaPeer peer : peers.values()) {
            if (peer != except && peer.isJoined() && !peer.isClosed()) {
                joined.add(peer);
            }
        }
        return joined;
    }

    /** The member owning a producer, or null. Rooms are small; a scan beats keeping a second index in sync. */
    MediaPeer producerOwner(String producerId) {
        if (producerId == null) {
            return null;
        }
        for (MediaPeer peer : peers.values()) {
            if (peer.producers.containsKey(producerId)) {
                return peer;
            }
        }
        return null;
    }

    Router router() {
        return router;
    }

    SerialExecutor executor() {
        return executor;
    }

    MediaRoomSettings settings() {
        return settings;
    }

    /** Runs a listener call, logging rather than propagating its failure: one bad peer must not stop the others. */
    void safely(Runnable listenerCall) {
        try {
            listenerCall.run();
        } catch (RuntimeException e) {
            log.warn("room {}: a peer listener failed", id, e);
        }
    }

    /** A consumer's engine events, relayed to its peer on the room's executor. */
    private final class ConsumerEvents implements Consumer.Listener {
        private final MediaPeer peer;
        private final Consumer consumer;

        ConsumerEvents(MediaPeer peer, Consumer consumer) {
            this.peer = peer;
            this.consumer = consumer;
        }

        private void relay(java.util.function.Consumer<MediaPeerListener> event) {
            executor.execute(() -> {
                if (!peer.isClosed() && peer.consumers.containsKey(consumer.id())) {
                    safely(() -> event.accept(peer.listener));
                }
            });
        }

        @Override
        public void onProducerClose() {
            // Told only when the producer went away, not when the peer's own transport closed.
            executor.execute(() -> {
                if (peer.consumers.remove(consumer.id()) != null && !peer.isClosed()) {
                    safely(() -> peer.listener.consumerClosed(consumer.id()));
                }
            });
        }

        @Override
        public void onProducerPause() {
            relay(listener -> listener.consumerPaused(consumer.id()));
        }

        @Override
        public void onProducerResume() {
            relay(listener -> listener.consumerResumed(consumer.id()));
        }

        @Override
        public void onScore(ConsumerScore score) {
            relay(listener -> listener.consumerScore(consumer.id(), score));
        }

        @Override
        public void onLayersChange(ConsumerLayers layers) {
            relay(listener -> listener.consumerLayersChanged(consumer.id(), layers));
        }

        @Override
        public void onClose() {
            executor.execute(() -> peer.consumers.remove(consumer.id()));
        }
    }
}
