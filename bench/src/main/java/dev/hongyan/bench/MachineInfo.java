package dev.hongyan.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Where a figure was measured: cores, Java, OS, load. A figure without its machine means little. */
final class MachineInfo {

    private MachineInfo() {}

    static Map<String, Object> describe() {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("cores", Runtime.getRuntime().availableProcessors());
        info.put("cpu", cpuModel());
        info.put("memTotal", afterColon(firstLine(Path.of("/proc/meminfo"), "MemTotal:")));
        info.put("javaVersion", System.getProperty("java.version"));
        info.put("javaVm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        info.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        info.put("maxOpenFiles", limit("Max open files"));
        return info;
    }

    /** {@code /proc/loadavg}: the 1, 5 and 15 minute load averages and the runnable/total tasks. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        return afterColon(firstLine(Path.of("/proc/cpuinfo"), "model name"));
    }

    private static String limit(String name) {
        String line = firstLine(Path.of("/proc/self/limits"), name);
        return line.isEmpty() ? "unknown" : line.substring(name.length()).trim().replaceAll("\\s+", " ");
    }

    private static String afterColon(String line) {
        int colon = line.indexOf(':');
        return colon < 0 ? line : line.substring(colon + 1).trim();
    }

    private static String firstLine(Path file, String prefix) {
        try {
            return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst()
                    .orElse("");
        } catch (IOException e) {
            return "";
        }
    }
}
