package dev.hongyan.media;

import dev.hongyan.media.ortc.RtpCapabilities;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's Router: a set of transports whose producers can be consumed by each other. Closing it
 * closes its transports (each fires {@link WebRtcTransport.Listener#onRouterClose()}), hence their
 * producers and consumers.
 */
public final class Router {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The engine closed under this router. */
        default void onWorkerClose() {}

        /** The router is closed, for whatever reason (mediasoup's observer {@code close}). */
        default void onClose() {}
    }

    public String id() {
        throw new UnsupportedOperationException("skeleton");
    }

    public Map<String, Object> appData() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** What mediasoup-client's {@code device.load({routerRtpCapabilities})} needs. Immutable. */
    public RtpCapabilities rtpCapabilities() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** True when a live producer of this router exists and an endpoint with {@code caps} could receive it. */
    public boolean canConsume(String producerId, RtpCapabilities caps) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** mediasoup's {@code router.createWebRtcTransport(options)} on the engine's shared port. */
    public CompletableFuture<WebRtcTransport> createWebRtcTransport(WebRtcTransportOptions options) {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean closed() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes the router and everything in it; returns when done. Idempotent. */
    public CompletableFuture<Void> close() {
        throw new UnsupportedOperationException("skeleton");
    }

    public void addListener(Listener listener) {
        throw new UnsupportedOperationException("skeleton");
    }
}
