package dev.hongyan.media;

import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.loopback.LoopbackNetwork;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpParameters;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** A real engine on loopback plus loopback peers connected to its transports. */
final class EngineHarness implements AutoCloseable {
    final MediaEngine engine;
    final Router router;
    final LoopbackNetwork network = new LoopbackNetwork();
    final DtlsContext peerDtls = new DtlsContext(DtlsConfig.defaults());
    private final List<AutoCloseable> closeables = new ArrayList<>();
    /** What {@link #connect} creates its transports with. */
    WebRtcTransportOptions transportOptions = WebRtcTransportOptions.defaults();

    EngineHarness() throws Exception {
        this(MediaEngineOptions.loopback());
    }

    EngineHarness(MediaEngineOptions options) throws Exception {
        engine = MediaEngine.create(options);
        router = engine.createRouter(RouterOptions.defaults()).get(5, TimeUnit.SECONDS);
    }

    record Connected(WebRtcTransport transport, LoopbackPeer peer) {}

    /** A transport and a peer connected to it (ICE, DTLS, SRTP ready on both sides). */
    Connected connect(DtlsRole peerRole, LoopbackPeer.Handler handler) throws Exception {
        return connect(peerRole, handler, peerDtls);
    }

    /** Likewise with the peer's own DTLS context, say one offering other SRTP profiles. */
    Connected connect(DtlsRole peerRole, LoopbackPeer.Handler handler, DtlsContext dtls) throws Exception {
        WebRtcTransport t = router.createWebRtcTransport(transportOptions).get(5, TimeUnit.SECONDS);
        LoopbackPeer peer = LoopbackPeer.open(network, new InetSocketAddress("127.0.0.1", engine.port()), dtls,
                peerRole, handler, true);
        closeables.add(peer);
        t.connect(peer.dtlsParameters()).get(5, TimeUnit.SECONDS);
        peer.connect(t.iceParameters(), t.dtlsParameters()).get(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (t.dtlsState() != dev.hongyan.media.dtls.DtlsState.CONNECTED && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        org.assertj.core.api.Assertions.assertThat(t.dtlsState()).as("engine-side DTLS state after 5 s")
                .isEqualTo(dev.hongyan.media.dtls.DtlsState.CONNECTED);
        return new Connected(t, peer);
    }

    /** A producer peer's video producer and a consumer peer's consumer of it. */
    record VideoPair(Connected send, Connected recv, Producer producer, Consumer consumer) {}

    /** A video producer on a server-role peer, consumed by a client-role peer; the consumer starts resumed. */
    VideoPair videoPair(LoopbackPeer.Handler producerSide, LoopbackPeer.Handler consumerSide, RtpParameters video)
            throws Exception {
        return connectVideo(producerSide, consumerSide, video, false);
    }

    /** Likewise with the consumer paused, as a video consumer starts by default. */
    VideoPair pausedVideoPair(LoopbackPeer.Handler producerSide, LoopbackPeer.Handler consumerSide,
            RtpParameters video) throws Exception {
        return connectVideo(producerSide, consumerSide, video, true);
    }

    private VideoPair connectVideo(LoopbackPeer.Handler producerSide, LoopbackPeer.Handler consumerSide,
            RtpParameters video, boolean paused) throws Exception {
        Connected send = connect(DtlsRole.SERVER, producerSide);
        Connected recv = connect(DtlsRole.CLIENT, consumerSide);
        Producer producer = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO, video))
                .get(5, TimeUnit.SECONDS);
        ConsumerOptions options = ConsumerOptions.of(producer.id(), router.rtpCapabilities());
        Consumer consumer = recv.transport().consume(paused ? options : options.withPaused(false))
                .get(5, TimeUnit.SECONDS);
        return new VideoPair(send, recv, producer, consumer);
    }

    /** Polls {@code condition} every 5 ms for up to 15 s, generous because the build machine is shared. */
    static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(5);
        }
    }

    /** Every layer change {@code c} reports from now on, in order. */
    static List<ConsumerLayers> layerChanges(Consumer c) {
        List<ConsumerLayers> changes = new CopyOnWriteArrayList<>();
        c.addListener(new Consumer.Listener() {
            @Override
            public void onLayersChange(ConsumerLayers layers) {
                changes.add(layers);
            }
        });
        return changes;
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable c : closeables) {
            c.close();
        }
        engine.close();
        peerDtls.close();
        network.close();
    }
}
