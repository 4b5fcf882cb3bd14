package dev.hongyan.media;

import java.util.concurrent.CompletableFuture;

/**
 * One SFU engine: mediasoup's Worker and its WebRtcServer in one object. It owns one UDP port (every
 * WebRTC transport of every router of this engine shares it, ICE-lite), one DTLS certificate, and one
 * event loop thread.
 *
 * <p><b>Threading.</b> The engine's event loop owns its UDP socket and runs every state change and every
 * packet of every router, transport, producer and consumer of this engine, so engine state needs no locks.
 * Public methods may be called from any thread: those that change state hop onto the loop and return a
 * {@link CompletableFuture} completed on the loop (mediasoup's API is asynchronous too); plain getters read
 * values published by the loop. Listeners are called on the loop and must hand off anything slow. For more
 * cores, create several engines (one port each) and spread routers over them, as mediasoup does with workers.
 */
public final class MediaEngine implements AutoCloseable {

    /** Binds the engine's UDP port and starts its loop. */
    public static MediaEngine create(MediaEngineOptions options) throws java.io.IOException {
        throw new UnsupportedOperationException("skeleton");
    }

    /** A UUID, like mediasoup's worker pid stands in for its identity. */
    public String id() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The UDP port all WebRTC transports of this engine share. */
    public int port() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** mediasoup's {@code worker.createRouter({mediaCodecs, appData})}. */
    public CompletableFuture<Router> createRouter(RouterOptions options) {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean closed() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes every router (their listeners hear it), then the port and the loop. Idempotent, blocking. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("skeleton");
    }
}
