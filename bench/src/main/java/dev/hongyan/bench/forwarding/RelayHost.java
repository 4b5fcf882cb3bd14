package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
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
        try (UdpRelay relay = new UdpRelay()) {
            CpuWindow loop = new CpuWindow(relay.loopThread());
            long[] forwardedAtStart = {0};
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
                        return CpuWindow.compilationMillis();
                    }
                    case "beginWindow" -> {
                        relay.takeLatencyMicros();
                        forwardedAtStart[0] = relay.forwarded();
                        loop.begin();
                        return null;
                    }
                    case "endWindow" -> {
                        CpuWindow.Spent spent = loop.end();
                        long[] latency = relay.takeLatencyMicros();
                        return new Window(relay.forwarded() - forwardedAtStart[0], spent.threadCpuNanos(),
                                spent.processCpuNanos(), latency[0], latency[1], latency[2]);
                    }
                    default -> throw new IllegalArgumentException("unknown op \"" + op + "\"");
                }
            });
        }
        System.exit(0);
    }

    private RelayHost() {
    }
}
