package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A short real run of the relay floor: its JVM on the first CPU this process may use, datagrams over loopback to real sockets. */
class RelayFloorBenchTest {

    @Test
    @Timeout(120)
    void relayForwardsEveryDatagramToEveryConsumerAndReportsItsFigures() throws Exception {
        RelayFloorBench.Result r = RelayFloorBench.run(new RelayFloorBench.Run(6, 400, 1.0, 1000,
                CpuSplit.ofThisProcess().measuredList(), List.of(), 1));
        // 400 datagrams/s to 6 sockets for a second: about 2,400 copies, each timed one received.
        assertEquals(6, r.consumers());
        assertTrue(r.forwarded() > 1000 && r.forwarded() % 6 == 0, "forwarded " + r.forwarded());
        assertTrue(r.deliveredRatio() > 0.9, "delivered " + r.deliveredRatio());
        assertTrue(r.loopCpuMillisPer1k() > 0, r.toString());
        assertTrue(r.processCpuMillisPer1k() >= r.loopCpuMillisPer1k(), r.toString());
        assertTrue(r.e2eP50Micros() > 0 && r.e2eP99Micros() >= r.e2eP50Micros(), r.toString());
        // Read → write inside the relay: a sendmmsg of 6 copies takes microseconds, never nothing.
        assertTrue(r.relayP50Micros() > 0 && r.relayP99Micros() >= r.relayP50Micros()
                && r.relayMaxMicros() >= r.relayP99Micros(), r.toString());
    }

    @Test
    @Timeout(60)
    void relayProcessAnswersAnUnknownOperationWithAnErrorAndKeepsServing() throws Exception {
        try (ChildJvm relay = new ChildJvm("relay process", CpuSplit.ofThisProcess().measuredList(), List.of(), RelayHost.class)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> relay.call("teleport", relay.request()));
            assertTrue(e.getMessage().contains("relay process: teleport: java.lang.IllegalArgumentException: "
                    + "unknown op \"teleport\""), e.getMessage());
            relay.call("beginWindow", relay.request());
            RelayHost.Window idle = ChildJvm.JSON.treeToValue(relay.call("endWindow", relay.request()),
                    RelayHost.Window.class);
            assertEquals(0, idle.forwarded());
            assertTrue(relay.started().path("port").asInt() > 0);
        }
    }

    @Test
    void unknownOptionsAreRefusedNamingThem() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RelayFloorBench.main(new String[] {"--consumrs", "10"}));
        assertEquals("unknown option --consumrs", e.getMessage());
    }
}
