package dev.hongyan.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * CPU spent by the server and by the load generator over one phase, per operation, and the GC pauses of
 * each. Both share the machine, so the CPU sum tells how close the pair is to the cores available; a GC
 * pause of either side inside the phase shows up in its latency tail (a paused load generator reads
 * replies late), so the pauses are reported next to the percentiles they explain.
 */
final class CpuMeter {

    private final ServerProbe probe;
    private final ServerProbe.Usage serverStart;
    private final ServerProbe.Usage benchStart;
    private final long wallStart = System.nanoTime();

    private CpuMeter(ServerProbe probe, ServerProbe.Usage serverStart, ServerProbe.Usage benchStart) {
        this.probe = probe;
        this.serverStart = serverStart;
        this.benchStart = benchStart;
    }

    /** Starts measuring; a server that cannot be read gives no server figures rather than failing the run. */
    static CpuMeter start(ServerProbe probe) throws InterruptedException {
        return new CpuMeter(probe, serverUsage(probe), ServerProbe.ownGc());
    }

    /**
     * {@code prefix}serverCpuSeconds, benchCpuSeconds, cores used, µs of each per operation, and each
     * side's GC pauses (count and total ms) within the phase.
     */
    Map<String, Object> figures(String prefix, long operations) throws InterruptedException {
        double wall = (System.nanoTime() - wallStart) / 1e9;
        ServerProbe.Usage serverEnd = serverStart == null ? null : serverUsage(probe);
        ServerProbe.Usage benchEnd = ServerProbe.ownGc();
        double server = serverStart == null || serverEnd == null || serverStart.cpuSeconds() < 0 ? -1
                : serverEnd.cpuSeconds() - serverStart.cpuSeconds();
        double bench = benchEnd.cpuSeconds() - benchStart.cpuSeconds();
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
        if (serverEnd != null && serverStart.gcPauses() >= 0 && serverEnd.gcPauses() >= 0) {
            figures.put(prefix + "serverGcPauses", Math.round(serverEnd.gcPauses() - serverStart.gcPauses()));
            figures.put(prefix + "serverGcPauseMs",
                    Report.round((serverEnd.gcPauseSeconds() - serverStart.gcPauseSeconds()) * 1e3, 1));
        }
        figures.put(prefix + "benchGcPauses", Math.round(benchEnd.gcPauses() - benchStart.gcPauses()));
        figures.put(prefix + "benchGcPauseMs", Report.round((benchEnd.gcPauseSeconds() - benchStart.gcPauseSeconds()) * 1e3, 1));
        return figures;
    }

    /** Null when the server cannot be read. */
    private static ServerProbe.Usage serverUsage(ServerProbe probe) throws InterruptedException {
        try {
            return probe.usage();
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
