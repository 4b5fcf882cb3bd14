package dev.hongyan.server.p2p;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Node test suite under {@code e2e/} ({@code node --test}) against a running server and reads
 * its TAP summary. Node and npm are required, not optional: a missing tool fails the test rather than
 * skipping it, so CI cannot pass without the end-to-end checks.
 */
final class NodeTestRunner {

    private static final Pattern SUMMARY = Pattern.compile("^# (pass|fail) (\\d+)$", Pattern.MULTILINE);

    private final Path suite;

    /** {@code name} is the folder under {@code e2e/} at the repository root. */
    NodeTestRunner(String name) {
        // Surefire runs with the module (server/) as working directory.
        Path root = Path.of("").toAbsolutePath().getParent();
        this.suite = root.resolve("e2e").resolve(name);
        if (!Files.isRegularFile(suite.resolve("package.json"))) {
            throw new IllegalStateException("no Node suite at " + suite);
        }
    }

    /** The outcome of one {@code node --test} run. */
    record Result(int exitCode, int passed, int failed, String output) {}

    Result run(Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        if (!Files.isDirectory(suite.resolve("node_modules"))) {
            // ./hongyan test runs npm ci beforehand; this covers a bare `mvn test`.
            Result install = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed in " + suite + ":\n" + install.output());
            }
        }
        return exec(List.of("node", "--test", "--test-reporter=tap"), env, timeoutSeconds);
    }

    private Result exec(List<String> command, Map<String, String> env, long timeoutSeconds)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("hongyan-e2e-", ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).directory(suite.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " is required for the end-to-end tests (Node 20+): " + e.getMessage(), e);
        }
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor();
            String output = Files.readString(log, StandardCharsets.UTF_8);
            return new Result(-1, 0, 0, output + "\n(killed after " + timeoutSeconds + " s)");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        int passed = 0;
        int failed = 0;
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            if (matcher.group(1).equals("pass")) {
                passed = Integer.parseInt(matcher.group(2));
            } else {
                failed = Integer.parseInt(matcher.group(2));
            }
        }
        return new Result(process.exitValue(), passed, failed, output);
    }
}
