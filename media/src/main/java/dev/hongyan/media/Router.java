package dev.hongyan.media;

import dev.hongyan.media.ortc.Ortc;
import dev.hongyan.media.ortc.RtpCapabilities;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * mediasoup's Router: a set of transports whose producers can be consumed by each other. Closing it
 * closes its transports (each fires {@link WebRtcTransport.Listener#onRouterClose()}), hence their
 * producers and consumers.
 */
public final class Router {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The engine closed under this router; {@link #onClose()} follows. */
        default void onWorkerClose() {}

        /** The router is closed, for whatever reason (mediasoup's observer {@code close}). */
        default void onClose() {}
    }

    private final String id = UUID.randomUUID().toString();
    private final MediaEngine engine;
    private final Ortc ortc;
    private final RtpCapabilities rtpCapabilities;
    private final Map<String, Object> appData;
    private final Map<String, WebRtcTransport> transports = new LinkedHashMap<>(); // loop-confined
    private List<WebRtcTransport> transportList = List.of();
    /** Read by canConsume from any thread; written on the loop. */
    private final Map<String, Producer> producers = new ConcurrentHashMap<>();
    private final Lifecycle<Listener> lifecycle = new Lifecycle<>(Listener::onClose);
    private final List<AudioLevelObserver> audioLevelObservers = new ArrayList<>(); // loop-confined

    Router(MediaEngine engine, Ortc ortc, RouterOptions options) {
        this.engine = engine;
        this.ortc = ortc;
        this.rtpCapabilities = ortc.generateRouterRtpCapabilities(options.mediaCodecs());
        this.appData = options.appData();
    }

    public String id() {
        return id;
    }

    public Map<String, Object> appData() {
        return appData;
    }

    /** What mediasoup-client's {@code device.load({routerRtpCapabilities})} needs. Immutable. */
    public RtpCapabilities rtpCapabilities() {
        return rtpCapabilities;
    }

    /** True when a live producer of this router exists and an endpoint with {@code caps} could receive it. */
    public boolean canConsume(String producerId, RtpCapabilities caps) {
        Producer producer = producers.get(producerId);
        if (producer == null || producer.closed()) {
            return false;
        }
        try {
            return ortc.canConsume(producer.consumableRtpParameters(), caps);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** mediasoup's {@code router.createWebRtcTransport(options)} on the engine's shared port. */
    public CompletableFuture<WebRtcTransport> createWebRtcTransport(WebRtcTransportOptions options) {
        return engine.loop().call(() -> {
            requireOpen();
            if (options.enableSctp()) {
                throw new UnsupportedOperationException("SCTP (data channels) is not supported yet");
            }
            WebRtcTransport transport = new WebRtcTransport(engine, this, options);
            transports.put(transport.id(), transport);
            transportList = List.copyOf(transports.values());
            return transport;
        });
    }

    /** mediasoup's {@code router.createAudioLevelObserver(options)}; add producers to it to watch them. */
    public CompletableFuture<AudioLevelObserver> createAudioLevelObserver(AudioLevelObserverOptions options) {
        return engine.loop().call(() -> {
            requireOpen();
            AudioLevelObserver observer = new AudioLevelObserver(engine, this, options);
            audioLevelObservers.add(observer);
            return observer;
        });
    }

    public boolean closed() {
        return lifecycle.closed();
    }

    /** Closes the router and everything in it; returns when done. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> lifecycle.close(this::release, null));
    }

    public void addListener(Listener listener) {
        lifecycle.add(listener);
    }

    void closeFromEngine() {
        lifecycle.close(this::release, Listener::onWorkerClose);
    }

    private void release() {
        for (WebRtcTransport t : new ArrayList<>(transports.values())) {
            t.closeFromRouter();
        }
        for (AudioLevelObserver o : new ArrayList<>(audioLevelObservers)) {
            o.closeFromRouter();
        }
        engine.routerClosed(this);
    }

    List<WebRtcTransport> transportList() {
        return transportList;
    }

    void transportClosed(WebRtcTransport transport) {
        transports.remove(transport.id());
        transportList = List.copyOf(transports.values());
    }

    Ortc ortc() {
        return ortc;
    }

    Producer producer(String producerId) {
        return producers.get(producerId);
    }

    void addProducer(Producer producer) {
        if (producers.putIfAbsent(producer.id(), producer) != null) {
            throw new IllegalStateException("a producer with id \"" + producer.id() + "\" already exists");
        }
    }

    void producerClosed(Producer producer) {
        producers.remove(producer.id(), producer);
        for (AudioLevelObserver o : audioLevelObservers) {
            o.producerClosed(producer);
        }
    }

    void audioLevelObserverClosed(AudioLevelObserver observer) {
        audioLevelObservers.remove(observer);
    }

    Collection<Producer> producers() {
        return producers.values();
    }

    void requireOpen() {
        lifecycle.requireOpen("router");
    }
}
