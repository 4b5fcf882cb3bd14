package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.dtls.DtlsRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Short real runs of the forwarding benchmark, in both engine modes: the engine JVM started apart and
 * driven over its pipes, and the engine in this JVM. Each forwards real SRTP over loopback.
 */
class ForwardingBenchTest {

    @Test
    @Timeout(120)
    void engineInItsOwnProcessForwardsAndReportsItsFigures() throws Exception {
        ForwardingBench.Result r = shortRun(ForwardingBench.EngineMode.PROCESS);
        assertForwarded(r);
        // The engine JVM's own CPU: its loop thread plus GC and compiler threads, so at least the loop's.
        assertTrue(r.processCpuMillisPer1k() >= r.engineCpuMillisPer1k(),
                r.processCpuMillisPer1k() + " < " + r.engineCpuMillisPer1k());
    }

    @Test
    @Timeout(120)
    void engineInThisProcessForwardsAndReportsItsFigures() throws Exception {
        ForwardingBench.Result r = shortRun(ForwardingBench.EngineMode.INPROC);
        assertForwarded(r);
        assertEquals(-1, r.processCpuMillisPer1k(), "in-process, the process CPU is not the engine's");
    }

    @Test
    @Timeout(60)
    void engineProcessAnswersABadRequestWithItsErrorAndKeepsServing() throws Exception {
        try (EngineProcess engine = new EngineProcess(CpuSplit.ofThisProcess().measuredList(), List.of())) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> engine.connect("no-such-transport", new DtlsParameters(DtlsRole.CLIENT, List.of())));
            assertTrue(e.getMessage().contains("no transport no-such-transport"), e.getMessage());
            EngineUnderTest.TransportInfo t = engine.createTransport();
            assertTrue(t.iceParameters().iceLite());
            assertTrue(!t.dtlsParameters().fingerprints().isEmpty());
            assertTrue(engine.address().getPort() > 0);
        }
    }

    @Test
    @Timeout(60)
    void anEngineJvmThatCannotStartIsReportedWithItsExitStatus() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new EngineProcess(CpuSplit.ofThisProcess().measuredList(), List.of("-XX:+NoSuchJvmOption")));
        assertTrue(e.getMessage().contains("engine process exited (status 1) before replying to start"),
                e.getMessage());
    }

    @Test
    void timedConsumersAreSpreadOverTheFanOutAndIncludeTheLast() {
        assertEquals(List.of(0), sampled(1));
        assertEquals(List.of(0, 1, 2, 3), sampled(4));
        assertEquals(List.of(1, 4, 6, 9), sampled(10));
        assertEquals(List.of(24, 49, 74, 99), sampled(100));
        assertEquals(List.of(124, 249, 374, 499), sampled(500));
    }

    private static List<Integer> sampled(int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (ForwardingBench.isSampled(i, n)) {
                out.add(i);
            }
        }
        return out;
    }

    private static ForwardingBench.Result shortRun(ForwardingBench.EngineMode mode) throws Exception {
        return ForwardingBench.run(new ForwardingBench.Run(6, 400, 1.0, 1000, ForwardingBench.Sink.DROP, mode,
                CpuSplit.ofThisProcess().measuredList(), List.of(), 1));
    }

    private static void assertForwarded(ForwardingBench.Result r) {
        assertEquals(6, r.connectedTransports());
        // 400 packets/s to 6 consumers for a second: about 2,400 copies.
        assertTrue(r.forwarded() > 1000, "forwarded " + r.forwarded());
        assertTrue(r.deliveredRatio() > 0.9, "delivered " + r.deliveredRatio());
        assertTrue(r.engineCpuMillisPer1k() > 0, "cpu " + r.engineCpuMillisPer1k());
        assertTrue(r.engineP99Micros() > 0 && r.e2eP99Micros() > 0, r.toString());
        assertTrue(r.engineAllocatedBytesPerPacket() > 0, r.toString());
    }
}
