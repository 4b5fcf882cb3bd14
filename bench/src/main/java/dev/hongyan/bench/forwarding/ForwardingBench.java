package dev.hongyan.bench.forwarding;

import dev.hongyan.media.ConsumerOptions;
import dev.hongyan.media.ForwardingMetrics;
import dev.hongyan.media.MediaEngine;
import dev.hongyan.media.MediaEngineOptions;
import dev.hongyan.media.Producer;
import dev.hongyan.media.ProducerOptions;
import dev.hongyan.media.Router;
import dev.hongyan.media.RouterOptions;
import dev.hongyan.media.WebRtcTransport;
import dev.hongyan.media.WebRtcTransportOptions;
import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.forwarding.LatencyHistogram;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.rtcp.FullIntraRequest;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.loopback.LoopbackNetwork;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One producer → N consumers through the real ICE/DTLS/SRTP path over loopback, for each N asked.
 *
 * <pre>
 * java -cp 'bench/target/hongyan-bench.jar:bench/target/lib/*' dev.hongyan.bench.forwarding.ForwardingBench \
 *     [--consumers 1,10,100,500] [--seconds 5] [--load 150000] [--rate PPS] [--size 1000] [--sink drop|read]
 *     [--json FILE]
 * </pre>
 *
 * <p>The producer peer sends synthetic VP8 (keyframes on PLI) at {@code --rate} packets/s, by default
 * {@code load / N} capped at 20,000, so every N offers about the same forwarded load. Figures:
 * forwarded packets/s (engine-side count of consumer packets written), engine loop CPU per 1,000
 * forwarded packets (ThreadMXBean on the engine's loop thread) and the per-core capacity that implies, the
 * heap bytes that thread allocated per forwarded packet, engine latency p50/p99 (socket read of the
 * producer datagram → consumer datagram written to the socket, i.e. the flush carrying it returned;
 * nanoTime inside the engine), "queued p99" (the same, but ending when the copy was queued for that flush,
 * which is what the latency columns measured before flushes were accounted for) and end-to-end latency at
 * up to 4 decrypting consumer peers (producer send → consumer receive, both kernels' loopback included; the
 * time a datagram waits in the engine's socket before the engine reads it is in this one only).
 *
 * <p>{@code --sink drop} (the default) stops reading the other consumer peers once they are connected: their
 * sockets fill and the kernel drops the rest, so the engine's sends no longer wake a reader thread and that
 * thread no longer competes with the engine for the machine's cores; on loopback the sender's syscall runs the
 * receiving side, up to the drop, either way. {@code --sink read} reads every consumer peer on one thread.
 */
public final class ForwardingBench {

    record Result(int consumers, int producerPps, double seconds, long forwarded, double forwardedPerSecond,
            double engineCpuMillisPer1k, double engineCpuShare, double capacityPerCore, long engineP50Micros,
            long engineP99Micros, long engineMaxMicros, long queuedP50Micros, long queuedP99Micros, long e2eP50Micros,
            long e2eP99Micros, double deliveredRatio, int connectedTransports, double receivedPerSecond,
            double engineAllocatedBytesPerPacket, Sink sink) {}

    /** How the consumer peers that are not sampled for latency receive. */
    enum Sink {
        /** Their sockets are not read once connected: the kernel drops what overflows (no reader wakeups). */
        DROP,
        /** One reader thread reads every consumer socket, as the peers did before. */
        READ;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Sink parse(String text) {
            for (Sink sink : values()) {
                if (sink.label().equals(text)) {
                    return sink;
                }
            }
            throw new IllegalArgumentException("--sink must be drop or read, not \"" + text + "\"");
        }
    }

    /** Consumer peers that decrypt and time what they receive (end-to-end latency, delivery). */
    static final int SAMPLED = 4;
    /** The warm-up ends once a sampled packet arrives within this of being sent (the backlog has drained). */
    static final long SETTLED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    public static void main(String[] args) throws Exception {
        List<Integer> counts = List.of(1, 10, 100, 500);
        double seconds = 5;
        int load = 150_000;
        Integer rate = null;
        int size = 1000;
        Sink sink = Sink.DROP;
        Path json = Path.of("forwarding-bench.json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--consumers" -> counts = parseList(args[++i]);
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--load" -> load = Integer.parseInt(args[++i]);
                case "--rate" -> rate = Integer.parseInt(args[++i]);
                case "--size" -> size = Integer.parseInt(args[++i]);
                case "--sink" -> sink = Sink.parse(args[++i]);
                case "--json" -> json = Path.of(args[++i]);
                case "--help", "-h" -> {
                    System.out.println("usage: ForwardingBench [--consumers 1,10,100,500] [--seconds 5] "
                            + "[--load 150000] [--rate PPS] [--size 1000] [--sink drop|read] [--json FILE]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Result> results = new ArrayList<>();
        for (int n : counts) {
            int pps = rate != null ? rate : (int) Math.max(50, Math.min(20_000, Math.ceil((double) load / n)));
            Result r = run(n, pps, seconds, size, sink);
            results.add(r);
            System.err.printf(Locale.ROOT, "N=%d done: %.0f forwarded/s, engine received %.0f RTP/s%n", n,
                    r.forwardedPerSecond(), r.receivedPerSecond());
        }
        printTable(results);
        writeJson(json, results);
        System.out.println("JSON: " + json.toAbsolutePath());
        System.exit(0);
    }

    private static List<Integer> parseList(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }

    static Result run(int n, int pps, double seconds, int size, Sink sink) throws Exception {
        LoopbackNetwork peers = new LoopbackNetwork();
        DtlsConfig dtlsConfig = DtlsConfig.defaults().withHandshakeLimits(4, 4096);
        DtlsContext peerDtls = new DtlsContext(dtlsConfig);
        List<LoopbackPeer> opened = new ArrayList<>();
        // Outside the try: a measurement that fails must still stop the sender before its peer closes.
        AtomicBoolean running = new AtomicBoolean(true);
        try (MediaEngine engine = MediaEngine.create(MediaEngineOptions.loopback().withDtls(dtlsConfig)
                .withLatencyMeasured(true))) {
            Router router = engine.createRouter(RouterOptions.defaults()).get(10, TimeUnit.SECONDS);
            InetSocketAddress address = new InetSocketAddress("127.0.0.1", engine.port());
            AtomicBoolean keyFrameWanted = new AtomicBoolean(true);
            LoopbackPeer.Handler producerHandler = new LoopbackPeer.Handler() {
                @Override
                public void onRtp(byte[] buf, int len, long arrivalNanos) {
                }

                @Override
                public void onRtcp(byte[] buf, int len) {
                    try {
                        for (RtcpPacket p : RtcpCompound.parse(buf, 0, len)) {
                            if (p instanceof PictureLossIndication || p instanceof FullIntraRequest) {
                                keyFrameWanted.set(true);
                            }
                        }
                    } catch (RuntimeException e) {
                        // malformed: ignore
                    }
                }
            };
            WebRtcTransport sendTransport = router.createWebRtcTransport(WebRtcTransportOptions.defaults()).get();
            LoopbackPeer producerPeer = LoopbackPeer.open(peers, address, peerDtls, DtlsRole.SERVER, producerHandler, true);
            opened.add(producerPeer);
            sendTransport.connect(producerPeer.dtlsParameters()).get();
            producerPeer.connect(sendTransport.iceParameters(), sendTransport.dtlsParameters()).get(30, TimeUnit.SECONDS);
            Producer producer = sendTransport.produce(ProducerOptions.of(MediaKind.VIDEO,
                    BenchPackets.producerParameters())).get();

            LatencyHistogram e2e = new LatencyHistogram(); // recorded on the peers' reader thread, under its lock
            AtomicLong lastE2eNanos = new AtomicLong(Long.MAX_VALUE);
            List<CompletableFuture<Void>> connecting = new ArrayList<>();
            List<WebRtcTransport> recvTransports = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean sample = i < SAMPLED;
                LoopbackPeer.Handler h = sample ? (buf, len, arrival) -> {
                    long stamp = BenchPackets.stampOf(buf, len);
                    if (stamp > 0) {
                        lastE2eNanos.set(arrival - stamp);
                        synchronized (e2e) {
                            e2e.record(arrival - stamp);
                        }
                    }
                } : (buf, len, arrival) -> { };
                WebRtcTransport t = router.createWebRtcTransport(WebRtcTransportOptions.defaults()).get();
                LoopbackPeer peer = LoopbackPeer.open(peers, address, peerDtls, DtlsRole.CLIENT, h, sample);
                opened.add(peer);
                t.connect(peer.dtlsParameters()).get();
                connecting.add(peer.connect(t.iceParameters(), t.dtlsParameters()));
                recvTransports.add(t);
            }
            int connected = 0;
            for (CompletableFuture<Void> f : connecting) {
                try {
                    f.get(60, TimeUnit.SECONDS);
                    connected++;
                } catch (Exception e) {
                    System.err.println("a consumer peer failed to connect: " + e);
                }
            }
            for (WebRtcTransport t : recvTransports) {
                t.consume(ConsumerOptions.of(producer.id(), router.rtpCapabilities()).withPaused(false)).get();
            }
            // The sampled peers are opened[1..SAMPLED]; the rest, in DROP mode, are no longer read.
            List<LoopbackPeer> counted = opened.subList(1, 1 + Math.min(n, SAMPLED));
            if (sink == Sink.DROP) {
                for (LoopbackPeer peer : opened.subList(1 + counted.size(), opened.size())) {
                    peer.stopReading().get(10, TimeUnit.SECONDS);
                }
            } else {
                counted = opened.subList(1, opened.size());
            }
            double countedShare = (double) counted.size() / n;

            // Sender: paced in 1 ms steps; a keyframe whenever one was asked for.
            BenchPackets packets = new BenchPackets(size);
            Thread sender = new Thread(() -> {
                long start = System.nanoTime();
                long sent = 0;
                int seq = 1;
                while (running.get()) {
                    long now = System.nanoTime();
                    long due = (now - start) * pps / 1_000_000_000L;
                    while (sent < due && running.get()) {
                        boolean key = keyFrameWanted.getAndSet(false);
                        int ts = (int) (sent * 90_000L / Math.max(1, pps) * 3); // ~ 30 fps worth of timestamps
                        int len = packets.next(seq++, ts, key, System.nanoTime());
                        producerPeer.sendRtp(packets.buffer(), len);
                        sent++;
                    }
                    LockSupport.parkNanos(500_000);
                }
            }, "bench-producer");
            sender.setDaemon(true);
            sender.start();

            // Warm-up: keyframe, JIT. Connecting and compiling leave a backlog in the engine's socket that takes
            // a while to drain at the spare capacity; measuring before it has would count setup as latency.
            long warmupStart = System.nanoTime();
            Thread.sleep(1500);
            long warmupEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (lastE2eNanos.get() > SETTLED_NANOS && System.nanoTime() < warmupEnd) {
                Thread.sleep(20);
            }
            ThreadMXBean mx = ManagementFactory.getThreadMXBean();
            Thread loopThread = engine.loopThread().get();
            engine.forwardingMetrics(true).get();
            long receivedBefore = sumReceived(counted);
            synchronized (e2e) {
                e2e.reset();
            }
            System.err.printf(Locale.ROOT, "N=%d: %d consumers connected, warmed up for %.1f s, measuring for %.1f s%n",
                    n, connected, (System.nanoTime() - warmupStart) / 1e9, seconds);
            long cpuBefore = mx.getThreadCpuTime(loopThread.getId());
            long allocatedBefore = allocatedBytes(mx, loopThread);
            long t0 = System.nanoTime();
            Thread.sleep((long) (seconds * 1000));
            long cpuAfter = mx.getThreadCpuTime(loopThread.getId());
            long allocatedAfter = allocatedBytes(mx, loopThread);
            long t1 = System.nanoTime();
            ForwardingMetrics m = engine.forwardingMetrics(false).get();
            running.set(false);
            sender.join(2000);
            Thread.sleep(200);
            long receivedAfter = sumReceived(counted);
            long[] e2eFigures;
            synchronized (e2e) {
                e2eFigures = new long[] {e2e.percentileMicros(0.5), e2e.percentileMicros(0.99)};
            }

            double elapsed = (t1 - t0) / 1e9;
            double cpuMillis = (cpuAfter - cpuBefore) / 1e6;
            double perK = m.forwardedPackets() == 0 ? 0 : cpuMillis / (m.forwardedPackets() / 1000.0);
            double capacity = perK == 0 ? 0 : 1000.0 / perK * 1000.0;
            double delivered = m.forwardedPackets() == 0 ? 0
                    : Math.min(1.0, (double) (receivedAfter - receivedBefore) / (m.forwardedPackets() * countedShare));
            return new Result(n, pps, elapsed, m.forwardedPackets(), m.forwardedPackets() / elapsed, perK,
                    cpuMillis / 1000.0 / elapsed, capacity, m.p50Micros(), m.p99Micros(), m.maxMicros(),
                    m.queuedP50Micros(), m.queuedP99Micros(), e2eFigures[0], e2eFigures[1], delivered, connected,
                    m.receivedRtpPackets() / elapsed, allocatedAfter < 0 || m.forwardedPackets() == 0 ? -1
                            : (double) (allocatedAfter - allocatedBefore) / m.forwardedPackets(), sink);
        } finally {
            running.set(false);
            for (LoopbackPeer p : opened) {
                p.close();
            }
            peerDtls.close();
            peers.close();
        }
    }

    /** Heap bytes the thread allocated so far (HotSpot), or -1 where the JVM cannot tell. */
    private static long allocatedBytes(ThreadMXBean mx, Thread thread) {
        return mx instanceof com.sun.management.ThreadMXBean hotspot ? hotspot.getThreadAllocatedBytes(thread.getId())
                : -1;
    }

    private static long sumReceived(List<LoopbackPeer> list) {
        long sum = 0;
        for (LoopbackPeer p : list) {
            sum += p.receivedPackets();
        }
        return sum;
    }

    private static void printTable(List<Result> results) {
        if (!results.isEmpty()) {
            Sink sink = results.get(0).sink();
            System.out.println("sink: " + sink.label() + (sink == Sink.DROP
                    ? " (consumer peers beyond the first " + SAMPLED + " are not read once connected; delivered = those "
                            + SAMPLED + ")"
                    : " (one reader thread reads every consumer peer)"));
        }
        System.out.printf(Locale.ROOT, "%-6s %-8s %-12s %-10s %-8s %-12s %-10s %-10s %-10s %-10s %-10s %-9s %-9s%n",
                "N", "in pps", "fwd pkt/s", "cpu ms/1k", "cpu %", "cap/core", "eng p50us", "eng p99us",
                "queued p99", "e2e p50us", "e2e p99us", "delivered", "alloc B/pkt");
        for (Result r : results) {
            System.out.printf(Locale.ROOT,
                    "%-6d %-8d %-12.0f %-10.4f %-8.1f %-12.0f %-10d %-10d %-10d %-10d %-10d %-9.3f %-9.0f%n",
                    r.consumers(), r.producerPps(), r.forwardedPerSecond(), r.engineCpuMillisPer1k(),
                    r.engineCpuShare() * 100, r.capacityPerCore(), r.engineP50Micros(), r.engineP99Micros(),
                    r.queuedP99Micros(), r.e2eP50Micros(), r.e2eP99Micros(), r.deliveredRatio(),
                    r.engineAllocatedBytesPerPacket());
        }
    }

    private static void writeJson(Path path, List<Result> results) throws IOException {
        StringBuilder sb = new StringBuilder("{\"benchmark\":\"forwarding\",\"results\":[");
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(String.format(Locale.ROOT, "{\"consumers\":%d,\"producerPps\":%d,\"seconds\":%.2f,"
                    + "\"forwarded\":%d,\"forwardedPerSecond\":%.1f,\"engineCpuMillisPer1k\":%.5f,"
                    + "\"engineCpuShare\":%.4f,\"capacityPerCore\":%.0f,\"engineP50Micros\":%d,\"engineP99Micros\":%d,"
                    + "\"engineMaxMicros\":%d,\"queuedP50Micros\":%d,\"queuedP99Micros\":%d,"
                    + "\"e2eP50Micros\":%d,\"e2eP99Micros\":%d,\"deliveredRatio\":%.4f,"
                    + "\"connectedTransports\":%d,\"engineAllocatedBytesPerPacket\":%.0f,\"sink\":\"%s\"}", r.consumers(),
                    r.producerPps(), r.seconds(), r.forwarded(),
                    r.forwardedPerSecond(), r.engineCpuMillisPer1k(), r.engineCpuShare(), r.capacityPerCore(),
                    r.engineP50Micros(), r.engineP99Micros(), r.engineMaxMicros(), r.queuedP50Micros(),
                    r.queuedP99Micros(), r.e2eP50Micros(),
                    r.e2eP99Micros(), r.deliveredRatio(), r.connectedTransports(),
                    r.engineAllocatedBytesPerPacket(), r.sink().label()));
        }
        sb.append("]}\n");
        Files.writeString(path, sb.toString());
    }

    private ForwardingBench() {
    }
}
