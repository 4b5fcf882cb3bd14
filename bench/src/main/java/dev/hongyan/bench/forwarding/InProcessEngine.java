package dev.hongyan.bench.forwarding;

import dev.hongyan.media.ConsumerOptions;
import dev.hongyan.media.ForwardingMetrics;
import dev.hongyan.media.MediaEngine;
import dev.hongyan.media.MediaEngineOptions;
import dev.hongyan.media.ProducerOptions;
import dev.hongyan.media.Router;
import dev.hongyan.media.RouterOptions;
import dev.hongyan.media.WebRtcTransport;
import dev.hongyan.media.WebRtcTransportOptions;
import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.ortc.MediaKind;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A media engine in this JVM, built to time its forwarding, with one router. */
final class InProcessEngine implements EngineUnderTest {
    private final MediaEngine engine;
    private final Router router;
    private final Map<String, WebRtcTransport> transports = new HashMap<>();
    private final CpuWindow loop;

    InProcessEngine(DtlsConfig dtls) throws Exception {
        engine = MediaEngine.create(MediaEngineOptions.loopback().withDtls(dtls).withLatencyMeasured(true));
        try {
            router = engine.createRouter(RouterOptions.defaults()).get(10, TimeUnit.SECONDS);
            loop = new CpuWindow(engine.loopThread().get(10, TimeUnit.SECONDS));
        } catch (Exception e) {
            engine.close();
            throw e;
        }
    }

    @Override
    public InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", engine.port());
    }

    @Override
    public TransportInfo createTransport() throws Exception {
        WebRtcTransport t = router.createWebRtcTransport(WebRtcTransportOptions.defaults()).get(10, TimeUnit.SECONDS);
        transports.put(t.id(), t);
        return new TransportInfo(t.id(), t.iceParameters(), t.dtlsParameters());
    }

    @Override
    public void connect(String transportId, DtlsParameters peer) throws Exception {
        transport(transportId).connect(peer).get(10, TimeUnit.SECONDS);
    }

    @Override
    public String produce(String transportId) throws Exception {
        return transport(transportId).produce(ProducerOptions.of(MediaKind.VIDEO, BenchPackets.producerParameters()))
                .get(10, TimeUnit.SECONDS).id();
    }

    @Override
    public void consume(String transportId, String producerId) throws Exception {
        transport(transportId).consume(ConsumerOptions.of(producerId, router.rtpCapabilities()).withPaused(false))
                .get(10, TimeUnit.SECONDS);
    }

    @Override
    public long compilationMillis() {
        return CpuWindow.compilationMillis();
    }

    @Override
    public void beginWindow() throws Exception {
        engine.forwardingMetrics(true).get(10, TimeUnit.SECONDS);
        loop.begin();
    }

    @Override
    public Window endWindow() throws Exception {
        CpuWindow.Spent spent = loop.end();
        ForwardingMetrics metrics = engine.forwardingMetrics(false).get(10, TimeUnit.SECONDS);
        return new Window(metrics, spent.threadCpuNanos(), spent.processCpuNanos(), spent.threadAllocatedBytes());
    }

    private WebRtcTransport transport(String id) {
        WebRtcTransport t = transports.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no transport " + id);
        }
        return t;
    }

    @Override
    public void close() {
        engine.close();
    }
}
