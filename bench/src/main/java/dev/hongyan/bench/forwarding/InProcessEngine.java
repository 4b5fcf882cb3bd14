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
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A media engine in this JVM, built to time its forwarding, with one router. */
final class InProcessEngine implements EngineUnderTest {
    private final MediaEngine engine;
    private final Router router;
    private final Map<String, WebRtcTransport> transports = new HashMap<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final Thread loopThread;
    private long loopCpuAtStart;
    private long processCpuAtStart;
    private long allocatedAtStart;

    InProcessEngine(DtlsConfig dtls) throws Exception {
        engine = MediaEngine.create(MediaEngineOptions.loopback().withDtls(dtls).withLatencyMeasured(true));
        try {
            router = engine.createRouter(RouterOptions.defaults()).get(10, TimeUnit.SECONDS);
            loopThread = engine.loopThread().get(10, TimeUnit.SECONDS);
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
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    @Override
    public void beginWindow() throws Exception {
        engine.forwardingMetrics(true).get(10, TimeUnit.SECONDS);
        loopCpuAtStart = threads.getThreadCpuTime(loopThread.getId());
        processCpuAtStart = processCpuNanos();
        allocatedAtStart = allocatedBytes();
    }

    @Override
    public Window endWindow() throws Exception {
        long loopCpu = threads.getThreadCpuTime(loopThread.getId()) - loopCpuAtStart;
        long processCpu = processCpuNanos() - processCpuAtStart;
        long allocatedNow = allocatedBytes();
        ForwardingMetrics metrics = engine.forwardingMetrics(false).get(10, TimeUnit.SECONDS);
        return new Window(metrics, loopCpu, processCpu, allocatedNow < 0 ? -1 : allocatedNow - allocatedAtStart);
    }

    private WebRtcTransport transport(String id) {
        WebRtcTransport t = transports.get(id);
        if (t == null) {
            throw new IllegalArgumentException("no transport " + id);
        }
        return t;
    }

    /** Heap bytes the loop thread allocated so far (HotSpot), or -1 where the JVM cannot tell. */
    private long allocatedBytes() {
        return threads instanceof com.sun.management.ThreadMXBean hotspot
                ? hotspot.getThreadAllocatedBytes(loopThread.getId()) : -1;
    }

    private long processCpuNanos() {
        return os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1;
    }

    @Override
    public void close() {
        engine.close();
    }
}
