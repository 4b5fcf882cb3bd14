package dev.hongyan.media;

import dev.hongyan.media.ortc.ConsumerType;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's Consumer: one producer forwarded to one endpoint with the endpoint's own SSRC, payload
 * types, sequence numbers, timestamps and header extension ids. For a simulcast producer it forwards one
 * encoding at a time (a spatial layer), switching only at a keyframe of the target.
 */
public final class Consumer {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The producer closed; the consumer is closed with it ({@link #onClose()} follows). */
        default void onProducerClose() {}

        default void onProducerPause() {}

        default void onProducerResume() {}

        default void onScore(ConsumerScore score) {}

        /** The forwarded layers changed; null when nothing is forwarded now. */
        default void onLayersChange(ConsumerLayers layers) {}

        /** Closed because its transport closed; {@link #onClose()} follows. */
        default void onTransportClose() {}

        default void onPause() {}

        default void onResume() {}

        /** Closed for whatever reason. */
        default void onClose() {}
    }

    public String id() {
        throw new UnsupportedOperationException("skeleton");
    }

    public String producerId() {
        throw new UnsupportedOperationException("skeleton");
    }

    public MediaKind kind() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** What the endpoint receives, with its {@code mid}: give this to mediasoup-client's {@code consume()}. */
    public RtpParameters rtpParameters() {
        throw new UnsupportedOperationException("skeleton");
    }

    public ConsumerType type() {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean paused() {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean producerPaused() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Null for simple consumers. */
    public ConsumerLayers preferredLayers() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** What is forwarded now; null for simple consumers and while nothing is forwarded. */
    public ConsumerLayers currentLayers() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** 1..255, default 1. Stored and reported; it weighs nothing until bandwidth estimation exists. */
    public int priority() {
        throw new UnsupportedOperationException("skeleton");
    }

    public ConsumerScore score() {
        throw new UnsupportedOperationException("skeleton");
    }

    public Map<String, Object> appData() {
        throw new UnsupportedOperationException("skeleton");
    }

    public CompletableFuture<Void> pause() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Forwards again, from the next keyframe (one is requested). */
    public CompletableFuture<Void> resume() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Clamped to the layers the producer has; a switch waits for a keyframe of the target (requested). */
    public CompletableFuture<Void> setPreferredLayers(ConsumerLayers layers) {
        throw new UnsupportedOperationException("skeleton");
    }

    public CompletableFuture<Void> setPriority(int priority) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Asks the producer's endpoint for a keyframe (PLI, or FIR when only FIR was negotiated). */
    public CompletableFuture<Void> requestKeyFrame() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code [outbound-rtp of this consumer, inbound-rtp of the producer stream forwarded]}. */
    public CompletableFuture<List<RtpStreamStats>> getStats() {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean closed() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes the consumer. Idempotent. */
    public CompletableFuture<Void> close() {
        throw new UnsupportedOperationException("skeleton");
    }

    public void addListener(Listener listener) {
        throw new UnsupportedOperationException("skeleton");
    }
}
