package dev.hongyan.server.metrics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads the process's resident set size from procfs (memory-backed, so the read does not block on disk). */
final class ResidentMemory {

    private static final Path STATUS = Path.of("/proc/self/status");

    private ResidentMemory() {}

    static double bytes() {
        try {
            for (String line : Files.readAllLines(STATUS, StandardCharsets.US_ASCII)) {
                if (line.startsWith("VmRSS:")) {
                    return parseKilobytes(line.substring("VmRSS:".length())) * 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux, or procfs hidden: the gauge reports NaN rather than failing the scrape.
        }
        return Double.NaN;
    }

    /** "   123456 kB" -> 123456. */
    static long parseKilobytes(String field) {
        String trimmed = field.trim();
        int space = trimmed.indexOf(' ');
        return Long.parseLong(space < 0 ? trimmed : trimmed.substring(0, space));
    }
}
