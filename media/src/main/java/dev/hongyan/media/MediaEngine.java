package dev.hongyan.media;

import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.forwarding.LatencyHistogram;
import dev.hongyan.media.forwarding.WriteLatency;
import dev.hongyan.media.ice.FlushListener;
import dev.hongyan.media.ice.IceServer;
import dev.hongyan.media.ice.IceServerOptions;
import dev.hongyan.media.ortc.Ortc;
import dev.hongyan.media.rtp.RtpPacket;
import dev.hongyan.media.rtp.Vp8PayloadDescriptor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
 * DTLS handshakes run on the DTLS context's own threads (bctls blocks) and report back to the loop.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(MediaEngine.class);
    /** NACK retries and keyframe-request repeats are checked this often. */
    private static final long FAST_TICK_MILLIS = 20;

    private final String id = UUID.randomUUID().toString();
    private final MediaEngineOptions options;
    private final IceServer ice;
    private final DtlsContext dtls;
    private final Loop loop;
    private final Ortc ortc = Ortc.create();
    private final Map<String, Router> routers = new LinkedHashMap<>(); // loop-confined
    private final ScheduledFuture<?> rtcpTimer;
    private final ScheduledFuture<?> fastTimer;
    private final AtomicBoolean closed = new AtomicBoolean();

    // Loop-confined scratch space for the packet path: one packet is handled at a time.
    final byte[] sendBuffer = new byte[2048];
    final byte[] rtcpBuffer = new byte[2048];
    final RtpPacket inView = new RtpPacket();
    final RtpPacket storeView = new RtpPacket();
    final int[] nackScratch = new int[64];
    /** Loop-confined scratch: the VP8 descriptor of a packet being resent, to rewrite its PictureID and TL0PICIDX. */
    final Vp8PayloadDescriptor resentVp8 = new Vp8PayloadDescriptor();
    /** nanoTime at which the datagram being handled left the socket; the start of forwarding latency. */
    long arrivalNanos;
    /** Null unless {@link MediaEngineOptions#measureLatency()}: timing each copy is for benchmarks only. */
    final WriteLatency latency;
    long forwardedPackets;
    long receivedRtpPackets;

    private MediaEngine(MediaEngineOptions options, IceServer ice, DtlsContext dtls, WriteLatency latency) {
        this.options = options;
        this.latency = latency;
        this.ice = ice;
        this.dtls = dtls;
        this.loop = new Loop(ice.eventLoop());
        long rtcpMillis = options.rtcpInterval().toMillis();
        this.rtcpTimer = loop.eventLoop().scheduleAtFixedRate(this::rtcpTick, rtcpMillis, rtcpMillis,
                TimeUnit.MILLISECONDS);
        this.fastTimer = loop.eventLoop().scheduleAtFixedRate(this::fastTick, FAST_TICK_MILLIS, FAST_TICK_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    /** Binds the engine's UDP port and starts its loop. */
    public static MediaEngine create(MediaEngineOptions options) throws IOException {
        // One socket, hence one loop: the engine's state is confined to it. More cores: more engines.
        IceServerOptions iceOptions = new IceServerOptions(options.listenIp(), options.port(),
                options.announcedAddress(), 1, Duration.ofSeconds(1), true);
        // When measured, the socket's flushes end the latency of queued copies.
        WriteLatency latency = options.measureLatency() ? new WriteLatency() : null;
        IceServer ice = IceServer.open(iceOptions, latency == null ? FlushListener.NONE : latency::onFlushed);
        DtlsContext dtls;
        try {
            dtls = new DtlsContext(options.dtls());
        } catch (RuntimeException e) {
            ice.close();
            throw e;
        }
        MediaEngine engine = new MediaEngine(options, ice, dtls, latency);
        log.info("media engine {} on UDP {}", engine.id, ice.localAddress());
        return engine;
    }

    public String id() {
        return id;
    }

    /** The UDP port all WebRTC transports of this engine share. */
    public int port() {
        return ice.port();
    }

    /** mediasoup's {@code worker.createRouter({mediaCodecs, appData})}. */
    public CompletableFuture<Router> createRouter(RouterOptions options) {
        return loop.call(() -> {
            requireOpen();
            Router router = new Router(this, ortc, options);
            routers.put(router.id(), router);
            return router;
        });
    }

    /**
     * Forwarding packet counts since the last reset, and latency when the engine measures it
     * ({@link MediaEngineOptions#measureLatency()}; otherwise the latency figures are -1).
     */
    public CompletableFuture<ForwardingMetrics> forwardingMetrics(boolean reset) {
        return loop.call(() -> {
            ForwardingMetrics m;
            if (latency != null) {
                LatencyHistogram written = latency.written();
                LatencyHistogram queued = latency.queued();
                m = new ForwardingMetrics(forwardedPackets, written.count(), written.percentileMicros(0.5),
                        written.percentileMicros(0.99), written.maxMicros(), queued.percentileMicros(0.5),
                        queued.percentileMicros(0.99), receivedRtpPackets);
            } else {
                m = new ForwardingMetrics(forwardedPackets, 0, -1, -1, -1, -1, -1, receivedRtpPackets);
            }
            if (reset) {
                forwardedPackets = 0;
                receivedRtpPackets = 0;
                if (latency != null) {
                    latency.reset();
                }
            }
            return m;
        });
    }

    /** The event loop thread, e.g. to measure its CPU time. */
    public CompletableFuture<Thread> loopThread() {
        return loop.call(Thread::currentThread);
    }

    public boolean closed() {
        return closed.get();
    }

    /** Closes every router (their listeners hear it), then the port and the loop. Idempotent, blocking. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            loop.run(() -> {
                rtcpTimer.cancel(false);
                fastTimer.cancel(false);
                for (Router r : new ArrayList<>(routers.values())) {
                    r.closeFromEngine();
                }
            }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.warn("closing media engine {}: {}", id, e.toString());
        }
        ice.close();
        dtls.close();
    }

    Loop loop() {
        return loop;
    }

    /** Runs {@code task} on the loop every {@code millis}; a failing run is logged and the next one still comes. */
    ScheduledFuture<?> scheduleEvery(long millis, Runnable task) {
        return loop.eventLoop().scheduleAtFixedRate(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                log.warn("periodic engine task failed", e);
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    IceServer ice() {
        return ice;
    }

    DtlsContext dtls() {
        return dtls;
    }

    MediaEngineOptions options() {
        return options;
    }

    void routerClosed(Router router) {
        routers.remove(router.id());
    }

    void requireOpen() {
        if (closed.get()) {
            throw new IllegalStateException("media engine closed");
        }
    }

    private void rtcpTick() {
        long now = System.nanoTime();
        long epochMillis = System.currentTimeMillis();
        for (Router r : routers.values()) {
            for (WebRtcTransport t : r.transportList()) {
                try {
                    t.onRtcpTick(now, epochMillis);
                } catch (RuntimeException e) { // one transport's fault must not cancel the timer for all
                    log.warn("RTCP tick failed for transport {}", t.id(), e);
                }
            }
        }
    }

    private void fastTick() {
        long now = System.nanoTime();
        for (Router r : routers.values()) {
            for (WebRtcTransport t : r.transportList()) {
                try {
                    t.onFastTick(now);
                } catch (RuntimeException e) {
                    log.warn("tick failed for transport {}", t.id(), e);
                }
            }
        }
    }
}
