package dev.hongyan.bench.forwarding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuSplitTest {

    @Test
    void kernelCpuListsAreReadAsTheKernelWritesThem() {
        assertEquals(List.of(0, 1), CpuSplit.parseCpuList("0-1"));
        assertEquals(List.of(3), CpuSplit.parseCpuList(" 3\n"));
        assertEquals(List.of(4, 5, 6, 7, 12, 14, 15), CpuSplit.parseCpuList("4-7,12,14-15"));
        assertEquals(List.of(1, 2, 3), CpuSplit.parseCpuList("3,1-2,2"));
        for (String bad : List.of("a", "3-1", "1-2-3", "-1", "1,x")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuSplit.parseCpuList(bad));
            assertTrue(e.getMessage().contains("not a CPU list"), e.getMessage());
        }
    }

    @Test
    void aCgroupThatHandsOutCpusFourToSevenPinsTheMeasuredJvmOnFour(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nCpus_allowed:\tf0\nCpus_allowed_list:\t4-7\nMems_allowed:\t1\n");
        CpuSplit split = CpuSplit.of(CpuSplit.allowedCpus(status));
        assertEquals("4", split.measuredList());
        assertEquals("5,6,7", split.benchmarkList());
    }

    @Test
    void oneCpuIsNotEnoughAndTheMessageSaysWhich() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CpuSplit.of(List.of(2)));
        assertTrue(e.getMessage().contains("CPU 2 only"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CpuSplit.of(List.of()));
    }

    @Test
    void thisProcessGetsItsOwnFirstCpuForTheMeasuredJvm() throws Exception {
        List<Integer> allowed = CpuSplit.allowedCpus(Path.of("/proc/self/status"));
        assertEquals(Runtime.getRuntime().availableProcessors(), allowed.size());
        CpuSplit split = CpuSplit.ofThisProcess();
        assertEquals(allowed.get(0), split.measured());
        assertEquals(allowed.subList(1, allowed.size()), split.benchmark());
    }
}
