package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class FanoutLoadTest {

    @Test
    void takesItsOwnOptionsWithTheirValuesAndLeavesTheRest() {
        FanoutLoad load = new FanoutLoad(Path.of("default.json"));
        String[] args = {"--consumers", "10, 100", "--sink", "read", "--load", "90000", "--json", "x.json"};
        assertEquals(1, load.accept(args, 0));
        assertEquals(-1, load.accept(args, 2), "--sink is the caller's");
        assertEquals(5, load.accept(args, 4));
        assertEquals(7, load.accept(args, 6));
        assertEquals(List.of(10, 100), load.consumerCounts);
        assertEquals(Path.of("x.json"), load.json);
        assertEquals(5.0, load.seconds);
        assertEquals(1000, load.packetSize);
        // The producer's rate is the load over the fan-out, kept within 50 to 20,000 packets/s.
        assertEquals(9000, load.producerRate(10));
        assertEquals(20_000, load.producerRate(1));
        assertEquals(50, load.producerRate(5000));
        load.accept(new String[] {"--rate", "300"}, 0);
        assertEquals(300, load.producerRate(10));
    }
}
