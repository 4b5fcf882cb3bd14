package dev.hongyan.bench.forwarding;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The CPUs this process may run on, split in two: the first for the JVM being measured (the engine, the relay),
 * the others for the benchmark driving it. Read from the process's own affinity rather than assumed to be
 * 0..n-1, so the benchmarks also run in a container or cgroup that hands out, say, CPUs 4-7.
 *
 * @param measured  the CPU the measured JVM is pinned to
 * @param benchmark the CPUs left for the benchmark's own threads, at least one
 */
record CpuSplit(int measured, List<Integer> benchmark) {

    CpuSplit {
        benchmark = List.copyOf(benchmark);
        if (benchmark.isEmpty()) {
            throw new IllegalArgumentException("the benchmark needs a CPU besides the measured one (CPU " + measured + ")");
        }
    }

    /** The split of this process's allowed CPUs; call it before moving this process anywhere. */
    static CpuSplit ofThisProcess() throws IOException {
        return of(allowedCpus(Path.of("/proc/self/status")));
    }

    /** The first of {@code allowed} for the measured JVM, the rest for the benchmark. */
    static CpuSplit of(List<Integer> allowed) {
        if (allowed.size() < 2) {
            throw new IllegalArgumentException("the measured JVM takes a CPU of its own and the benchmark needs another: "
                    + "this process may run on " + (allowed.isEmpty() ? "no CPU" : "CPU " + allowed.get(0) + " only"));
        }
        return new CpuSplit(allowed.get(0), allowed.subList(1, allowed.size()));
    }

    /** {@code taskset -c} spelling of the measured JVM's CPU. */
    String measuredList() {
        return Integer.toString(measured);
    }

    /** {@code taskset -c} spelling of the benchmark's CPUs. */
    String benchmarkList() {
        return benchmark.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /** The {@code Cpus_allowed_list} of a {@code /proc/<pid>/status} file. */
    static List<Integer> allowedCpus(Path status) throws IOException {
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("Cpus_allowed_list:")) {
                return parseCpuList(line.substring("Cpus_allowed_list:".length()));
            }
        }
        throw new IOException(status + " has no Cpus_allowed_list line");
    }

    /** A kernel CPU list ("0-3,8,10-11") as CPU numbers in ascending order. */
    static List<Integer> parseCpuList(String text) {
        List<Integer> cpus = new ArrayList<>();
        for (String part : text.trim().split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] range = part.trim().split("-");
            try {
                int first = Integer.parseInt(range[0]);
                int last = range.length == 2 ? Integer.parseInt(range[1]) : first;
                if (range.length > 2 || first < 0 || last < first) {
                    throw new NumberFormatException();
                }
                for (int cpu = first; cpu <= last; cpu++) {
                    cpus.add(cpu);
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a CPU list: \"" + text.trim() + "\"");
            }
        }
        return cpus.stream().distinct().sorted().toList();
    }
}
