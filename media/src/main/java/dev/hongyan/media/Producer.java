package dev.hongyan.media;

import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.ProducerType;
import dev.hongyan.media.ortc.RtpParameters;
import dev.hongyan.media.rtp.VideoOrientation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's Producer: one track an endpoint sends (one or several RTP streams: simulcast encodings).
 * Closing it closes its consumers, which fire {@link Consumer.Listener#onProducerClose()}.
 */
public final class Producer {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The score list changed (at most once a second per producer). */
        default void onScore(List<ProducerScore> score) {}

        /** The video-orientation header extension (CVO) changed. */
        default void onVideoOrientationChange(VideoOrientation orientation) {}

        default void onPause() {}

        default void onResume() {}

        /** Closed because its transport closed; {@link #onClose()} follows. */
        default void onTransportClose() {}

        /** Closed for whatever reason. */
        default void onClose() {}
    }

    public String id() {
        throw new UnsupportedOperationException("skeleton");
    }

    public MediaKind kind() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The parameters as the router keeps them (mediasoup's {@code producer.rtpParameters}). */
    public RtpParameters rtpParameters() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** simple, simulcast or svc. */
    public ProducerType type() {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean paused() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code [{encodingIdx, ssrc, rid?, score}]}, one per stream that has received packets. */
    public List<ProducerScore> score() {
        throw new UnsupportedOperationException("skeleton");
    }

    public Map<String, Object> appData() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Stops forwarding; consumers fire {@code producerpause}. */
    public CompletableFuture<Void> pause() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Forwards again; consumers fire {@code producerresume} and a keyframe is requested. */
    public CompletableFuture<Void> resume() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code [inbound-rtp stats]}, one per stream. */
    public CompletableFuture<List<RtpStreamStats>> getStats() {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean closed() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes the producer and its consumers. Idempotent. */
    public CompletableFuture<Void> close() {
        throw new UnsupportedOperationException("skeleton");
    }

    public void addListener(Listener listener) {
        throw new UnsupportedOperationException("skeleton");
    }
}
