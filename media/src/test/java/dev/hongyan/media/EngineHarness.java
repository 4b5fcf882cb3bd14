package dev.hongyan.media;

import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.loopback.LoopbackNetwork;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real engine on loopback plus loopback peers connected to its transports. */
final class EngineHarness implements AutoCloseable {
    final MediaEngine engine;
    final Router router;
    final LoopbackNetwork network = new LoopbackNetwork();
    final DtlsContext peerDtls = new DtlsContext(DtlsConfig.defaults());
    private final List<AutoCloseable> closeables = new ArrayList<>();

    EngineHarness() throws Exception {
        engine = MediaEngine.create(MediaEngineOptions.loopback());
        router = engine.createRouter(RouterOptions.defaults()).get(5, TimeUnit.SECONDS);
    }

    record Connected(WebRtcTransport transport, LoopbackPeer peer) {}

    /** A transport and a peer connected to it (ICE, DTLS, SRTP ready on both sides). */
    Connected connect(DtlsRole peerRole, LoopbackPeer.Handler handler) throws Exception {
        return connect(peerRole, handler, peerDtls);
    }

    /** Likewise with the peer's own DTLS context, say one offering other SRTP profiles. */
    Connected connect(DtlsRole peerRole, LoopbackPeer.Handler handler, DtlsContext dtls) throws Exception {
        WebRtcTransport t = router.createWebRtcTransport(WebRtcTransportOptions.defaults()).get(5, TimeUnit.SECONDS);
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
