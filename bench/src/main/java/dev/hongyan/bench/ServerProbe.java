package dev.hongyan.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server seen from outside: its Prometheus /metrics, and, when its pid is known, a full GC through
 * {@code jcmd <pid> GC.run}. A load generator cannot make another JVM collect; without a pid, heap figures
 * include garbage not yet collected and are upper bounds (the scenario then waits --settle-ms and reads).
 */
final class ServerProbe {

    /** One reading of /metrics; {@code rooms} is -1 when the server exports no room gauge. */
    record Snapshot(double heapUsedBytes, double residentBytes, double clients, double connections, double rooms,
            double cpuSeconds, boolean afterGc, long takenAtNanos) {

        Map<String, Object> figures(String prefix) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(prefix + "heapUsedMiB", mib(heapUsedBytes));
            figures.put(prefix + "rssMiB", mib(residentBytes));
            figures.put(prefix + "clients", (long) clients);
            figures.put(prefix + "connections", (long) connections);
            if (rooms >= 0) {
                figures.put(prefix + "rooms", (long) rooms);
            }
            figures.put(prefix + "afterGc", afterGc);
            return figures;
        }

        private static double mib(double bytes) {
            return Math.round(bytes / (1024.0 * 1024.0) * 10) / 10.0;
        }
    }

    private final URI metricsUrl;
    private final long serverPid;
    private final String endpointPath;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param serverPid the server's process id for jcmd, or 0 when unknown */
    ServerProbe(URI metricsUrl, long serverPid, String endpointPath) {
        this.metricsUrl = metricsUrl;
        this.serverPid = serverPid;
        this.endpointPath = endpointPath;
    }

    boolean canCollect() {
        return serverPid > 0;
    }

    /** Reads /metrics; with {@code collectFirst} and a known pid, runs a full GC in the server first. */
    Snapshot snapshot(boolean collectFirst) throws IOException, InterruptedException {
        boolean collected = collectFirst && collect();
        Map<String, Double> series = parse(fetch());
        return new Snapshot(
                sum(series, "jvm_memory_used_bytes", "area=\"heap\""),
                sum(series, "process_resident_memory_bytes", null),
                sum(series, "hongyan_clients", null),
                sum(series, "hongyan_websocket_connections", "endpoint=\"" + endpointPath + "\""),
                series.keySet().stream().anyMatch(k -> k.equals("hongyan_rooms") || k.startsWith("hongyan_rooms{"))
                        ? sum(series, "hongyan_rooms", null) : -1,
                series.containsKey("process_cpu_time_ns_total") ? series.get("process_cpu_time_ns_total") / 1e9 : -1,
                collected, System.nanoTime());
    }

    /**
     * CPU and GC pauses so far, from one reading. CPU is Micrometer's process_cpu_time_ns_total (-1 when
     * not exported): CPU per operation is the figure that survives a shared, noisy machine, where rates
     * and latencies move with the neighbours' load. {@code gcPauses} and {@code gcPauseSeconds} are -1 when
     * the server exports no jvm_gc_pause (Micrometer's JVM GC metrics: the collections the JVM reports,
     * which for G1 leaves out the short remark and cleanup pauses).
     */
    Usage usage() throws IOException, InterruptedException {
        return usageOf(parse(fetch()));
    }

    static Usage usageOf(Map<String, Double> series) {
        boolean gc = series.keySet().stream().anyMatch(k -> k.startsWith("jvm_gc_pause_seconds_count"));
        return new Usage(
                series.containsKey("process_cpu_time_ns_total") ? series.get("process_cpu_time_ns_total") / 1e9 : -1,
                gc ? sum(series, "jvm_gc_pause_seconds_count", null) : -1,
                gc ? sum(series, "jvm_gc_pause_seconds_sum", null) : -1);
    }

    /** A process's cumulative CPU time and GC pauses; -1 for what it does not tell. */
    record Usage(double cpuSeconds, double gcPauses, double gcPauseSeconds) {}

    /**
     * This process's collections and their summed time so far (the load generator's own pauses: while
     * they last, replies wait unread and count as latency).
     */
    static Usage ownGc() {
        long count = 0;
        long millis = 0;
        for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            count += Math.max(0, gc.getCollectionCount());
            millis += Math.max(0, gc.getCollectionTime());
        }
        return new Usage(ownCpuSeconds(), count, millis / 1e3);
    }

    /** This process's CPU seconds so far (the load generator's own cost). */
    static double ownCpuSeconds() {
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() / 1e9 : -1;
    }

    /** {@code jcmd <pid> GC.run}; false when there is no pid or jcmd failed. */
    boolean collect() throws InterruptedException {
        if (serverPid <= 0) {
            return false;
        }
        try {
            Process jcmd = new ProcessBuilder(jcmdPath(), Long.toString(serverPid), "GC.run")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!jcmd.waitFor(60, TimeUnit.SECONDS)) {
                jcmd.destroyForcibly();
                return false;
            }
            return jcmd.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    String fetch() throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(metricsUrl).timeout(Duration.ofSeconds(10))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + metricsUrl + " answered " + response.statusCode());
        }
        return response.body();
    }

    /** Prometheus text format: {@code name{labels} value [timestamp]}; comments and blank lines skipped. */
    static Map<String, Double> parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int close = trimmed.lastIndexOf('}');
            int space = trimmed.indexOf(' ', close < 0 ? 0 : close);
            if (space < 0) {
                continue;
            }
            String value = trimmed.substring(space + 1).trim();
            int next = value.indexOf(' ');
            if (next > 0) {
                value = value.substring(0, next);
            }
            try {
                series.put(trimmed.substring(0, space), Double.parseDouble(value));
            } catch (NumberFormatException e) {
                // NaN/Inf spellings Java does not read; not a series the bench uses.
            }
        }
        return series;
    }

    /** Sum of every series of {@code name} whose labels contain {@code labelMatch} (null: all). 0 if none. */
    static double sum(Map<String, Double> series, String name, String labelMatch) {
        double total = 0;
        for (Map.Entry<String, Double> entry : series.entrySet()) {
            String key = entry.getKey();
            boolean nameMatches = key.equals(name) || key.startsWith(name + "{");
            if (nameMatches && (labelMatch == null || key.contains(labelMatch))) {
                total += entry.getValue();
            }
        }
        return total;
    }

    private static String jcmdPath() {
        String home = System.getProperty("java.home");
        java.nio.file.Path jcmd = java.nio.file.Path.of(home, "bin", "jcmd");
        return java.nio.file.Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd";
    }
}
