package dev.hongyan.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU spent by the server and by the load generator over one phase, per operation. Both share the
 * machine, so the sum tells how close the pair is to the cores available.
 */
final class CpuMeter {

    private final ServerProbe probe;
    private final double serverStart;
    private final double benchStart;
    private final long wallStart = System.nanoTime();

    private CpuMeter(ServerProbe probe, double serverStart, double benchStart) {
        this.probe = probe;
        this.serverStart = serverStart;
        this.benchStart = benchStart;
    }

    /** Starts measuring; a server that cannot be read gives no server figures rather than failing the run. */
    static CpuMeter start(ServerProbe probe) throws InterruptedException {
        return new CpuMeter(probe, serverCpu(probe), ServerProbe.ownCpuSeconds());
    }

    /** {@code prefix}serverCpuSeconds, benchCpuSeconds, cores used, and µs of each per operation. */
    Map<String, Object> figures(String prefix, long operations) throws InterruptedException {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        double server = serverStart < 0 ? -1 : serverCpu(probe) - serverStart;
        double bench = ServerProbe.ownCpuSeconds() - benchStart;
        Map<String, Object> figures = new LinkedHashMap<>();
        if (server >= 0) {
            figures.put(prefix + "serverCpuSeconds", Report.round(server, 2));
            figures.put(prefix + "serverCores", Report.round(server / wall, 2));
            if (operations > 0) {
                figures.put(prefix + "serverCpuMicrosPerOp", Report.round(server * 1e6 / operations, 2));
            }
        }
        figures.put(prefix + "benchCpuSeconds", Report.round(bench, 2));
        figures.put(prefix + "benchCores", Report.round(bench / wall, 2));
        if (operations > 0) {
            figures.put(prefix + "benchCpuMicrosPerOp", Report.round(bench * 1e6 / operations, 2));
        }
        return figures;
    }

    private static double serverCpu(ServerProbe probe) throws InterruptedException {
        try {
            return probe.cpuSeconds();
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
