package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * The relay's JVM ({@link RelayFloorBench}): a {@link UdpRelay} served over {@link HostLoop}. The start reply is
 * {@code {"port":P}}; {@code relayTo} sets the destination ports, {@code beginWindow}/{@code endWindow} measure
 * copies written, the loop thread's and the process's CPU, and the relay's read → write latency.
 */
public final class RelayHost {

    /** What the relay did in a measured window. */
    record Window(long forwarded, long loopCpuNanos, long processCpuNanos, long relayP50Micros, long relayP99Micros,
            long relayMaxMicros) {}

    public static void main(String[] args) throws Exception {
        PrintStream replies = HostLoop.takeStdout();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (UdpRelay relay = new UdpRelay()) {
            long loopThreadId = relay.loopThread().getId();
            Window[] atStart = {new Window(0, 0, 0, -1, -1, -1)};
            HostLoop.serve(replies, ChildJvm.JSON.createObjectNode().put("port", relay.port()), (op, request) -> {
                switch (op) {
                    case "relayTo" -> {
                        List<Integer> ports = new ArrayList<>();
                        for (JsonNode port : request.path("ports")) {
                            ports.add(port.asInt());
                        }
                        relay.relayTo(ports);
                        return null;
                    }
                    case "compilationMillis" -> {
                        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
                    }
                    case "beginWindow" -> {
                        relay.takeLatencyMicros();
                        atStart[0] = new Window(relay.forwarded(), threads.getThreadCpuTime(loopThreadId), processCpuNanos(),
                                -1, -1, -1);
                        return null;
                    }
                    case "endWindow" -> {
                        long[] latency = relay.takeLatencyMicros();
                        return new Window(relay.forwarded() - atStart[0].forwarded(),
                                threads.getThreadCpuTime(loopThreadId) - atStart[0].loopCpuNanos(),
                                processCpuNanos() - atStart[0].processCpuNanos(), latency[0], latency[1], latency[2]);
                    }
                    default -> throw new IllegalArgumentException("unknown op \"" + op + "\"");
                }
            });
        }
        System.exit(0);
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean hotspot
                ? hotspot.getProcessCpuTime() : -1;
    }

    private RelayHost() {
    }
}
