package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.hongyan.bench.LatencyHistogram;
import dev.hongyan.media.ForwardingMetrics;
import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.rtcp.FullIntraRequest;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.loopback.LoopbackNetwork;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One producer → N consumers through the real ICE/DTLS/SRTP path over loopback, for each N asked.
 *
 * <pre>
 * java -cp 'bench/target/hongyan-bench.jar:bench/target/lib/*' dev.hongyan.bench.forwarding.ForwardingBench \
 *     [--consumers 1,10,100,500] [--seconds 5] [--load 150000] [--rate PPS] [--size 1000] [--sink drop|read]
 *     [--engine process|inproc] [--engine-java-opts 'OPTS'] [--json FILE]
 * </pre>
 *
 * <p>{@code --engine process} (the default with two or more CPUs) runs the engine in a JVM of its own pinned to
 * the first CPU this process may use ({@link EngineProcess}, {@link CpuSplit}) and moves this JVM, with the producer and the peers, to the other CPUs: the
 * figures are then those of one core, the engine's process CPU counts its GC and compiler threads, and neither
 * side's garbage collection or scheduling lands on the other. {@code --engine inproc} runs it in this JVM as
 * before.
 *
 * <p>The producer peer sends synthetic VP8 (keyframes on PLI) at {@code --rate} packets/s, by default
 * {@code load / N} capped at 20,000, so every N offers about the same forwarded load. Measuring starts once
 * a sampled packet arrives within 5 ms of being sent and the engine's JIT has settled. Figures: forwarded
 * packets/s (engine-side count of consumer packets written), engine loop CPU per 1,000 forwarded packets
 * (ThreadMXBean on the engine's loop thread) and the per-core capacity that implies, the same from the
 * engine process's CPU (process mode), the heap bytes the loop thread allocated per forwarded packet, engine
 * latency p50/p99 (socket read of the producer datagram → consumer datagram written to the socket, i.e. the
 * flush carrying it returned; nanoTime inside the engine), "queued p99" (the same, but ending when the copy
 * was queued for that flush) and end-to-end latency at 4 decrypting consumer peers spread over the fan-out
 * (producer send → consumer receive, both kernels' loopback included; the time a datagram waits in the
 * engine's socket before the engine reads it is in this one only).
 *
 * <p>{@code --sink drop} (the default) stops reading the other consumer peers once they are connected: their
 * sockets fill and the kernel drops the rest, so the engine's sends no longer wake a reader thread and that
 * thread no longer competes with the engine for the machine's cores; on loopback the sender's syscall runs the
 * receiving side, up to the drop, either way. {@code --sink read} reads every consumer peer on one thread.
 */
public final class ForwardingBench {

    record Result(int consumers, int producerPps, double seconds, long forwarded, double forwardedPerSecond,
            double engineCpuMillisPer1k, double engineCpuShare, double capacityPerCore,
            double processCpuMillisPer1k, double processCapacityPerCore, long engineP50Micros,
            long engineP99Micros, long engineMaxMicros, long queuedP50Micros, long queuedP99Micros, long e2eP50Micros,
            long e2eP99Micros, double deliveredRatio, int connectedTransports, double receivedPerSecond,
            double engineAllocatedBytesPerPacket, Sink sink, EngineMode mode, long producerSkipped) {}

    /** Where the engine runs. */
    enum EngineMode {
        /**
         * A JVM of its own on the first CPU this process may use, the benchmark (producer, peers) on the others
         * ({@link CpuSplit}): the engine has a core to itself, as a server does whose clients are elsewhere.
         */
        PROCESS,
        /** In the benchmark's JVM, sharing every core and the garbage collector with the producer and the peers. */
        INPROC;

        @JsonValue
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The engine's and the peers' DTLS settings (small handshake limits: hundreds of peers connect at once). */
    static final DtlsConfig DTLS = DtlsConfig.defaults().withHandshakeLimits(4, 4096);

    /** How the consumer peers that are not sampled for latency receive. */
    enum Sink {
        /** Their sockets are not read once connected: the kernel drops what overflows (no reader wakeups). */
        DROP,
        /** One reader thread reads every consumer socket, as the peers did before. */
        READ;

        @JsonValue
        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Consumer peers that decrypt and time what they receive (end-to-end latency, delivery). */
    static final int SAMPLED = 4;
    /** The warm-up ends once a sampled packet arrives within this of being sent (the backlog has drained). */
    static final long SETTLED_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** It also waits until the engine's JVM compiles less than this many ms per second, at most {@link #JIT_MAX_WAIT_SECONDS}. */
    static final long JIT_QUIET_MILLIS_PER_SECOND = 2;
    static final long JIT_MAX_WAIT_SECONDS = 60;

    public static void main(String[] args) throws Exception {
        FanoutLoad load = new FanoutLoad(Path.of("forwarding-bench.json"));
        Sink sink = Sink.DROP;
        int cores = Runtime.getRuntime().availableProcessors();
        EngineMode mode = cores >= 2 ? EngineMode.PROCESS : EngineMode.INPROC;
        List<String> engineJavaOptions = List.of();
        for (int i = 0; i < args.length; i++) {
            int used = load.accept(args, i);
            if (used >= 0) {
                i = used;
                continue;
            }
            switch (args[i]) {
                case "--sink" -> sink = choice(Sink.class, "--sink", args[++i]);
                case "--engine" -> mode = choice(EngineMode.class, "--engine", args[++i]);
                case "--engine-java-opts" -> engineJavaOptions = List.of(args[++i].trim().split("\\s+"));
                case "--help", "-h" -> {
                    System.out.println("usage: ForwardingBench " + FanoutLoad.USAGE + " [--sink drop|read] "
                            + "[--engine process|inproc] [--engine-java-opts 'OPTS']");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        String engineCpu = null;
        if (mode == EngineMode.PROCESS) {
            CpuSplit cpus;
            try {
                cpus = CpuSplit.ofThisProcess();
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--engine process: " + e.getMessage() + "; use --engine inproc", e);
            }
            engineCpu = cpus.measuredList();
            pinThisProcess(cpus.benchmarkList());
        }
        List<Result> results = new ArrayList<>();
        for (int n : load.consumerCounts) {
            Result r = run(new Run(n, load.producerRate(n), load.seconds, load.packetSize, sink, mode, engineCpu,
                    engineJavaOptions, JIT_MAX_WAIT_SECONDS));
            results.add(r);
            System.err.printf(Locale.ROOT, "N=%d done: %.0f forwarded/s, engine received %.0f RTP/s, producer skipped %d "
                    + "packets after stalls%n", n, r.forwardedPerSecond(), r.receivedPerSecond(), r.producerSkipped());
        }
        printTable(results, engineCpu);
        writeJson(load.json, "forwarding", results);
        System.out.println("JSON: " + load.json.toAbsolutePath());
        System.exit(0);
    }

    /** Moves every thread of this process, and so those it starts later, to {@code cpus} ({@code taskset -c}). */
    static void pinThisProcess(String cpus) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "-a", "-p", "-c", cpus,
                Long.toString(ProcessHandle.current().pid())).redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (taskset.waitFor() != 0) {
            throw new IllegalStateException("taskset could not move this process to CPUs " + cpus + ": " + output.trim());
        }
    }

    /** The constant of {@code type} spelled {@code text} in lower case, or an error naming the option's choices. */
    private static <E extends Enum<E>> E choice(Class<E> type, String option, String text) {
        List<String> spellings = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            String spelling = constant.name().toLowerCase(Locale.ROOT);
            if (spelling.equals(text)) {
                return constant;
            }
            spellings.add(spelling);
        }
        throw new IllegalArgumentException(
                option + " must be " + String.join(" or ", spellings) + ", not \"" + text + "\"");
    }

    /**
     * One measurement: {@code consumers} consumers of one producer sending {@code producerPps} packets/s of
     * {@code packetSize} payload bytes, measured for {@code seconds} once warm (the JIT wait bounded by
     * {@code jitMaxWaitSeconds}); {@code engineCpu} is where {@link EngineMode#PROCESS} pins the engine.
     */
    record Run(int consumers, int producerPps, double seconds, int packetSize, Sink sink, EngineMode mode,
            String engineCpu, List<String> engineJavaOptions, long jitMaxWaitSeconds) {}

    static Result run(Run spec) throws Exception {
        int n = spec.consumers();
        int pps = spec.producerPps();
        Sink sink = spec.sink();
        EngineMode mode = spec.mode();
        LoopbackNetwork peers = new LoopbackNetwork();
        DtlsContext peerDtls = new DtlsContext(DTLS);
        List<LoopbackPeer> opened = new ArrayList<>();
        // Outside the try: a measurement that fails must still stop the sender before its peer closes.
        PacedSender sender = null;
        try (EngineUnderTest engine = mode == EngineMode.PROCESS ? new EngineProcess(spec.engineCpu(), spec.engineJavaOptions())
                : new InProcessEngine(DTLS)) {
            InetSocketAddress address = engine.address();
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
            EngineUnderTest.TransportInfo sendTransport = engine.createTransport();
            LoopbackPeer producerPeer = LoopbackPeer.open(peers, address, peerDtls, DtlsRole.SERVER, producerHandler, true);
            opened.add(producerPeer);
            engine.connect(sendTransport.id(), producerPeer.dtlsParameters());
            producerPeer.connect(sendTransport.iceParameters(), sendTransport.dtlsParameters()).get(30, TimeUnit.SECONDS);
            String producerId = engine.produce(sendTransport.id());

            LatencyHistogram e2e = new LatencyHistogram(); // recorded on the peers' reader thread, under its lock
            AtomicLong lastE2eNanos = new AtomicLong(Long.MAX_VALUE);
            List<CompletableFuture<Void>> connecting = new ArrayList<>();
            List<String> recvTransports = new ArrayList<>();
            List<LoopbackPeer> sampled = new ArrayList<>();
            List<LoopbackPeer> unsampled = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                boolean sample = isSampled(i, n);
                LoopbackPeer.Handler h = sample ? (buf, len, arrival) -> {
                    long stamp = BenchPackets.stampOf(buf, len);
                    if (stamp > 0) {
                        lastE2eNanos.set(arrival - stamp);
                        synchronized (e2e) {
                            e2e.record(arrival - stamp);
                        }
                    }
                } : (buf, len, arrival) -> { };
                EngineUnderTest.TransportInfo t = engine.createTransport();
                LoopbackPeer peer = LoopbackPeer.open(peers, address, peerDtls, DtlsRole.CLIENT, h, sample);
                opened.add(peer);
                (sample ? sampled : unsampled).add(peer);
                engine.connect(t.id(), peer.dtlsParameters());
                connecting.add(peer.connect(t.iceParameters(), t.dtlsParameters()));
                recvTransports.add(t.id());
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
            // Consumers are created, and so fanned out to, in peer order: the sampled peers are spread over it.
            for (String t : recvTransports) {
                engine.consume(t, producerId);
            }
            List<LoopbackPeer> counted = sampled;
            if (sink == Sink.DROP) {
                for (LoopbackPeer peer : unsampled) {
                    peer.stopReading().get(10, TimeUnit.SECONDS);
                }
            } else {
                counted = opened.subList(1, opened.size());
            }
            double countedShare = (double) counted.size() / n;

            // A keyframe whenever one was asked for; sequence numbers stay contiguous across skipped slots.
            BenchPackets packets = new BenchPackets(spec.packetSize());
            int[] seq = {1};
            sender = new PacedSender("bench-producer", pps, slot -> {
                boolean key = keyFrameWanted.getAndSet(false);
                int ts = (int) (slot * 90_000L / Math.max(1, pps) * 3); // ~ 30 fps worth of timestamps
                int len = packets.next(seq[0]++, ts, key, System.nanoTime());
                producerPeer.sendRtp(packets.buffer(), len);
            });

            // Warm-up: keyframe, JIT. Connecting and compiling leave a backlog in the engine's socket that takes
            // a while to drain at the spare capacity; measuring before it has would count setup as latency.
            long warmupStart = System.nanoTime();
            long compiling = warmUp(lastE2eNanos::get, engine::compilationMillis, spec.jitMaxWaitSeconds());
            engine.beginWindow();
            long skippedBefore = sender.skipped();
            long receivedBefore = sumReceived(counted);
            synchronized (e2e) {
                e2e.reset();
            }
            System.err.printf(Locale.ROOT, "N=%d: %d consumers connected, warmed up for %.1f s (engine JIT at %d ms/s), "
                    + "measuring for %.1f s%n", n, connected, (System.nanoTime() - warmupStart) / 1e9, compiling, spec.seconds());
            long t0 = System.nanoTime();
            Thread.sleep((long) (spec.seconds() * 1000));
            EngineUnderTest.Window window = engine.endWindow();
            long t1 = System.nanoTime();
            long skippedInWindow = sender.skipped() - skippedBefore;
            ForwardingMetrics m = window.metrics();
            sender.close();
            Thread.sleep(200);
            long receivedAfter = sumReceived(counted);
            long[] e2eFigures;
            synchronized (e2e) {
                e2eFigures = new long[] {e2e.percentileMicros(50), e2e.percentileMicros(99)};
            }

            double elapsed = (t1 - t0) / 1e9;
            double perK = perThousand(window.loopCpuNanos(), m.forwardedPackets());
            // In-process, the process also runs the producer and the peers: its CPU says nothing about the engine.
            double processPerK = mode == EngineMode.PROCESS ? perThousand(window.processCpuNanos(), m.forwardedPackets())
                    : -1;
            double delivered = m.forwardedPackets() == 0 ? 0
                    : Math.min(1.0, (double) (receivedAfter - receivedBefore) / (m.forwardedPackets() * countedShare));
            return new Result(n, pps, elapsed, m.forwardedPackets(), m.forwardedPackets() / elapsed, perK,
                    window.loopCpuNanos() / 1e9 / elapsed, perCore(perK), processPerK, perCore(processPerK),
                    m.p50Micros(), m.p99Micros(), m.maxMicros(), m.queuedP50Micros(), m.queuedP99Micros(),
                    e2eFigures[0], e2eFigures[1], delivered, connected, m.receivedRtpPackets() / elapsed,
                    window.loopAllocatedBytes() < 0 || m.forwardedPackets() == 0 ? -1
                            : (double) window.loopAllocatedBytes() / m.forwardedPackets(), sink, mode, skippedInWindow);
        } finally {
            if (sender != null) {
                sender.close();
            }
            for (LoopbackPeer p : opened) {
                p.close();
            }
            peerDtls.close();
            peers.close();
        }
    }

    /** How long a JVM has spent compiling so far, in ms. */
    interface CompilationClock {
        long compilationMillis() throws Exception;
    }

    /**
     * The warm-up both benchmarks run before measuring: at least 1.5 s, then until a timed packet arrives within
     * {@link #SETTLED_NANOS} of being sent (the backlog left by connecting and compiling has drained; at most 15 s
     * more), then {@link #awaitQuietJit}. Returns the measured JVM's last compile rate, ms per second.
     */
    static long warmUp(LongSupplier lastE2eNanos, CompilationClock clock, long jitMaxWaitSeconds) throws Exception {
        Thread.sleep(1500);
        long settledBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (lastE2eNanos.getAsLong() > SETTLED_NANOS && System.nanoTime() < settledBy) {
            Thread.sleep(20);
        }
        return awaitQuietJit(clock, jitMaxWaitSeconds);
    }

    /**
     * Waits until the measured JVM compiles less than {@link #JIT_QUIET_MILLIS_PER_SECOND} ms per second, at most
     * {@code maxWaitSeconds}; returns the last second's figure. A compiler thread still at work takes turns with
     * the measured thread (on one CPU, half of it for as long as a compilation lasts): start-up, not forwarding.
     */
    static long awaitQuietJit(CompilationClock clock, long maxWaitSeconds) throws Exception {
        long quietBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(maxWaitSeconds);
        long compiled = clock.compilationMillis();
        long compiling;
        do {
            Thread.sleep(1000);
            long now = clock.compilationMillis();
            compiling = now - compiled;
            compiled = now;
        } while (compiling > JIT_QUIET_MILLIS_PER_SECOND && System.nanoTime() < quietBy);
        return compiling;
    }

    /**
     * Whether consumer {@code i} of {@code n} is one of the {@link #SAMPLED} timed ones: the last of each
     * quarter of the fan-out, so the last copy of every fan-out is timed too, not only the first few.
     */
    static boolean isSampled(int i, int n) {
        if (n <= SAMPLED) {
            return true;
        }
        for (int k = 1; k <= SAMPLED; k++) {
            if (i == (int) ((long) k * n / SAMPLED) - 1) {
                return true;
            }
        }
        return false;
    }

    /** CPU milliseconds per 1,000 forwarded packets, or 0 when nothing was forwarded. */
    static double perThousand(long cpuNanos, long forwarded) {
        return forwarded == 0 || cpuNanos < 0 ? 0 : cpuNanos / 1e6 / (forwarded / 1000.0);
    }

    /** Forwarded packets per second one core would manage at the given CPU per 1,000 packets (0 if unknown). */
    static double perCore(double millisPer1k) {
        return millisPer1k <= 0 ? 0 : 1000.0 / millisPer1k * 1000.0;
    }

    private static long sumReceived(List<LoopbackPeer> list) {
        long sum = 0;
        for (LoopbackPeer p : list) {
            sum += p.receivedPackets();
        }
        return sum;
    }

    private static void printTable(List<Result> results, String engineCpu) {
        if (!results.isEmpty()) {
            Sink sink = results.get(0).sink();
            System.out.println("sink: " + sink.label() + (sink == Sink.DROP
                    ? " (consumer peers other than the " + SAMPLED + " timed ones are not read once connected; "
                            + "delivered = those " + SAMPLED + ")"
                    : " (one reader thread reads every consumer peer)"));
            System.out.println("engine: " + (results.get(0).mode() == EngineMode.PROCESS
                    ? "own JVM on CPU " + engineCpu + ", benchmark on the other CPUs (proc columns: the engine JVM's "
                            + "CPU, GC and compiler threads included)"
                    : "in the benchmark's JVM, sharing its cores"));
        }
        System.out.printf(Locale.ROOT, "%-6s %-8s %-10s %-9s %-7s %-10s %-9s %-10s %-9s %-9s %-10s %-9s %-9s %-9s %-9s%n",
                "N", "in pps", "fwd pkt/s", "cpu ms/1k", "cpu %", "cap/core", "proc ms/1k", "proc cap", "eng p50us",
                "eng p99us", "queued p99", "e2e p50us", "e2e p99us", "delivered", "alloc B/pkt");
        for (Result r : results) {
            System.out.printf(Locale.ROOT,
                    "%-6d %-8d %-10.0f %-9.4f %-7.1f %-10.0f %-10.4f %-9.0f %-9d %-9d %-10d %-9d %-9d %-9.3f %-9.0f%n",
                    r.consumers(), r.producerPps(), r.forwardedPerSecond(), r.engineCpuMillisPer1k(),
                    r.engineCpuShare() * 100, r.capacityPerCore(), r.processCpuMillisPer1k(),
                    r.processCapacityPerCore(), r.engineP50Micros(), r.engineP99Micros(), r.queuedP99Micros(),
                    r.e2eP50Micros(), r.e2eP99Micros(), r.deliveredRatio(), r.engineAllocatedBytesPerPacket());
        }
    }

    static void writeJson(Path path, String benchmark, List<?> results) throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode root = ChildJvm.JSON.createObjectNode()
                .put("benchmark", benchmark);
        root.set("results", ChildJvm.JSON.valueToTree(results));
        Files.writeString(path, ChildJvm.JSON.writeValueAsString(root) + "\n");
    }

    private ForwardingBench() {
    }
}
