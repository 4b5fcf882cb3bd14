package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.bench.LatencyHistogram;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The forwarding benchmark's floor: the same topology and load as {@link ForwardingBench} (one producer → N
 * consumer sockets over loopback, the forwarder alone on a CPU ({@link CpuSplit}), 4 consumers
 * timed, spread over the fan-out, the others not read) with the media engine replaced by a {@link UdpRelay}
 * that does nothing but send each datagram on. What it costs per copy, its own read → write latency (measured as
 * the engine measures its "added latency") and the end-to-end latency it shows at a given load are what this
 * machine's kernel and scheduler leave for any SFU before it does any work.
 *
 * <pre>
 * ./hongyan bench relay [--consumers 1,10,100,500] [--seconds 5] [--load 150000] [--rate PPS] [--size 1000]
 *     [--java-opts 'OPTS'] [--json relay-bench.json]
 * </pre>
 */
public final class RelayFloorBench {

    record Result(int consumers, int producerPps, double seconds, long forwarded, double forwardedPerSecond,
            double loopCpuMillisPer1k, double loopCpuShare, double capacityPerCore, double processCpuMillisPer1k,
            double processCapacityPerCore, long relayP50Micros, long relayP99Micros, long relayMaxMicros,
            long e2eP50Micros, long e2eP99Micros, double deliveredRatio, long producerSkipped) {}

    record Run(int consumers, int producerPps, double seconds, int packetSize, String relayCpu,
            List<String> javaOptions, long jitMaxWaitSeconds) {}

    public static void main(String[] args) throws Exception {
        FanoutLoad load = new FanoutLoad(Path.of("relay-bench.json"));
        List<String> javaOptions = List.of();
        for (int i = 0; i < args.length; i++) {
            int used = load.accept(args, i);
            if (used >= 0) {
                i = used;
                continue;
            }
            switch (args[i]) {
                case "--java-opts" -> javaOptions = List.of(args[++i].trim().split("\\s+"));
                case "--help", "-h" -> {
                    System.out.println("usage: RelayFloorBench " + FanoutLoad.USAGE + " [--java-opts 'OPTS']");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        CpuSplit cpus = CpuSplit.ofThisProcess();
        ForwardingBench.pinThisProcess(cpus.benchmarkList());
        List<Result> results = new ArrayList<>();
        for (int n : load.consumerCounts) {
            Result r = run(new Run(n, load.producerRate(n), load.seconds, load.packetSize, cpus.measuredList(),
                    javaOptions, ForwardingBench.JIT_MAX_WAIT_SECONDS));
            results.add(r);
            System.err.printf(Locale.ROOT, "N=%d done: %.0f forwarded/s, producer skipped %d packets after stalls%n",
                    n, r.forwardedPerSecond(), r.producerSkipped());
        }
        printTable(results, cpus.measuredList());
        ForwardingBench.writeJson(load.json, "relay", results);
        System.out.println("JSON: " + load.json.toAbsolutePath());
        System.exit(0);
    }

    static Result run(Run spec) throws Exception {
        int n = spec.consumers();
        List<DatagramChannel> consumers = new ArrayList<>();
        PacedSender sender = null;
        try (Selector selector = Selector.open();
                DatagramChannel producer = openLoopback(1 << 20);
                ChildJvm relay = new ChildJvm("relay process", spec.relayCpu(), spec.javaOptions(),
                        RelayHost.class)) {
            ArrayNode ports = ChildJvm.JSON.createArrayNode();
            for (int i = 0; i < n; i++) {
                boolean sampled = ForwardingBench.isSampled(i, n);
                // Unread sockets get the kernel's smallest buffer, as the forwarding benchmark's: they drop.
                DatagramChannel consumer = openLoopback(sampled ? 1 << 20 : 1);
                consumers.add(consumer);
                if (sampled) {
                    consumer.configureBlocking(false);
                    consumer.register(selector, SelectionKey.OP_READ);
                }
                ports.add(((InetSocketAddress) consumer.getLocalAddress()).getPort());
            }
            ObjectNode relayTo = relay.request();
            relayTo.set("ports", ports);
            relay.call("relayTo", relayTo);
            producer.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.started().path("port").asInt()));

            Receiver receiver = new Receiver(selector);
            Thread reader = new Thread(receiver, "relay-bench-reader");
            reader.setDaemon(true);
            reader.start();
            ByteBuffer packet = ByteBuffer.allocateDirect(spec.packetSize());
            sender = new PacedSender("relay-producer", spec.producerPps(), slot -> {
                packet.clear();
                packet.putLong(0, System.nanoTime());
                try {
                    producer.write(packet);
                } catch (IOException e) {
                    // a refused send is a lost packet, as on the wire
                }
            });

            long warmupStart = System.nanoTime();
            long compiling = ForwardingBench.warmUp(receiver.lastE2eNanos::get,
                    () -> relay.call("compilationMillis", relay.request()).asLong(), spec.jitMaxWaitSeconds());
            relay.call("beginWindow", relay.request());
            long skippedBefore = sender.skipped();
            long receivedBefore = receiver.received.get();
            receiver.reset();
            System.err.printf(Locale.ROOT, "N=%d: warmed up for %.1f s (relay JIT at %d ms/s), measuring for %.1f s%n",
                    n, (System.nanoTime() - warmupStart) / 1e9, compiling, spec.seconds());
            long t0 = System.nanoTime();
            Thread.sleep((long) (spec.seconds() * 1000));
            RelayHost.Window window = ChildJvm.JSON.treeToValue(relay.call("endWindow", relay.request()),
                    RelayHost.Window.class);
            double elapsed = (System.nanoTime() - t0) / 1e9;
            long skipped = sender.skipped() - skippedBefore;
            sender.close();
            Thread.sleep(200);
            long received = receiver.received.get() - receivedBefore;
            long[] e2e = receiver.p50p99();
            receiver.running = false;
            selector.wakeup();
            reader.join(2000);

            long forwarded = window.forwarded();
            double sampledShare = (double) Math.min(n, ForwardingBench.SAMPLED) / n;
            double perK = ForwardingBench.perThousand(window.loopCpuNanos(), forwarded);
            double processPerK = ForwardingBench.perThousand(window.processCpuNanos(), forwarded);
            return new Result(n, spec.producerPps(), elapsed, forwarded, forwarded / elapsed, perK,
                    window.loopCpuNanos() / 1e9 / elapsed, ForwardingBench.perCore(perK), processPerK,
                    ForwardingBench.perCore(processPerK), window.relayP50Micros(), window.relayP99Micros(),
                    window.relayMaxMicros(), e2e[0], e2e[1],
                    forwarded == 0 ? 0 : Math.min(1.0, received / (forwarded * sampledShare)), skipped);
        } finally {
            if (sender != null) {
                sender.close();
            }
            for (DatagramChannel c : consumers) {
                c.close();
            }
        }
    }

    private static DatagramChannel openLoopback(int receiveBuffer) throws IOException {
        DatagramChannel ch = DatagramChannel.open(StandardProtocolFamily.INET);
        ch.setOption(StandardSocketOptions.SO_RCVBUF, receiveBuffer);
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        return ch;
    }

    /** Reads the timed consumers on one thread and times each datagram from the send time it carries. */
    private static final class Receiver implements Runnable {
        private final Selector selector;
        private final LatencyHistogram e2e = new LatencyHistogram();
        final AtomicLong received = new AtomicLong();
        final AtomicLong lastE2eNanos = new AtomicLong(Long.MAX_VALUE);
        volatile boolean running = true;

        Receiver(Selector selector) {
            this.selector = selector;
        }

        @Override
        public void run() {
            ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
            try {
                while (running) {
                    selector.select(100);
                    for (SelectionKey key : selector.selectedKeys()) {
                        DatagramChannel ch = (DatagramChannel) key.channel();
                        for (int i = 0; i < 64; i++) {
                            buffer.clear();
                            if (ch.receive(buffer) == null) {
                                break;
                            }
                            long latency = System.nanoTime() - buffer.getLong(0);
                            received.incrementAndGet();
                            lastE2eNanos.set(latency);
                            synchronized (e2e) {
                                e2e.record(latency);
                            }
                        }
                    }
                    selector.selectedKeys().clear();
                }
            } catch (IOException | ClosedSelectorException e) {
                // closing
            }
        }

        void reset() {
            synchronized (e2e) {
                e2e.reset();
            }
        }

        long[] p50p99() {
            synchronized (e2e) {
                return new long[] {e2e.percentileMicros(50), e2e.percentileMicros(99)};
            }
        }
    }

    private static void printTable(List<Result> results, String relayCpu) {
        System.out.println("relay: own JVM on CPU " + relayCpu + ", sends every datagram on unchanged "
                + "(no ICE/DTLS/SRTP/RTP work); benchmark on the other CPUs; " + ForwardingBench.SAMPLED
                + " consumers timed, the others not read");
        System.out.printf(Locale.ROOT, "%-6s %-8s %-10s %-9s %-7s %-10s %-10s %-9s %-9s %-9s %-9s %-9s %-9s %-9s %-7s%n",
                "N", "in pps", "fwd pkt/s", "cpu ms/1k", "cpu %", "cap/core", "proc ms/1k", "proc cap", "rly p50us",
                "rly p99us", "rly maxus", "e2e p50us", "e2e p99us", "delivered", "skipped");
        for (Result r : results) {
            System.out.printf(Locale.ROOT,
                    "%-6d %-8d %-10.0f %-9.4f %-7.1f %-10.0f %-10.4f %-9.0f %-9d %-9d %-9d %-9d %-9d %-9.3f %-7d%n",
                    r.consumers(), r.producerPps(), r.forwardedPerSecond(), r.loopCpuMillisPer1k(),
                    r.loopCpuShare() * 100, r.capacityPerCore(), r.processCpuMillisPer1k(), r.processCapacityPerCore(),
                    r.relayP50Micros(), r.relayP99Micros(), r.relayMaxMicros(), r.e2eP50Micros(), r.e2eP99Micros(),
                    r.deliveredRatio(), r.producerSkipped());
        }
    }

    private RelayFloorBench() {
    }
}
