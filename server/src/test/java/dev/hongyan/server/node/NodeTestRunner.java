package dev.hongyan.server.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a Node test suite under {@code e2e/} ({@code node --test}) against a running server and reads
 * its TAP summary. Node and npm are required, not optional: a missing tool fails the test rather than
 * skipping it, so CI cannot pass without the end-to-end checks. The exit code alone proves little:
 * {@code node --test} exits 0 when tests are skipped, marked todo, or a file defines none, so callers
 * check the counts ({@link Result#assertExactlyPassed}).
 */
public final class NodeTestRunner {

    private static final Pattern SUMMARY =
            Pattern.compile("^# (tests|suites|pass|fail|cancelled|skipped|todo) (\\d+)$", Pattern.MULTILINE);

    private final Path suite;

    /** {@code name} is the folder under {@code e2e/} at the repository root. */
    public NodeTestRunner(String name) {
        // Surefire runs with the module (server/) as working directory.
        Path root = Path.of("").toAbsolutePath().getParent();
        this.suite = root.resolve("e2e").resolve(name);
        if (!Files.isRegularFile(suite.resolve("package.json"))) {
            throw new IllegalStateException("no Node suite at " + suite);
        }
    }

    public Path suite() {
        return suite;
    }

    /** The outcome of one {@code node --test} run, counted from its TAP summary. */
    public record Result(int exitCode, int passed, int failed, int cancelled, int skipped, int todo, String output) {

        /** Exit 0, nothing failed, cancelled, skipped or todo, and exactly {@code expected} tests passed. */
        public void assertExactlyPassed(int expected) {
            assertThat(exitCode).as("node --test exit code%n%s", output).isZero();
            assertThat(failed).as("failed tests%n%s", output).isZero();
            assertThat(cancelled).as("cancelled tests%n%s", output).isZero();
            assertThat(skipped).as("skipped tests%n%s", output).isZero();
            assertThat(todo).as("todo tests%n%s", output).isZero();
            assertThat(passed).as("passed tests%n%s", output).isEqualTo(expected);
        }
    }

    /** Every test file of the suite. */
    public Result run(Map<String, String> env, long timeoutSeconds) throws IOException, InterruptedException {
        return run(env, timeoutSeconds, List.of());
    }

    /** {@code args} follow {@code node --test --test-reporter=tap}: options, then test files (none: all). */
    public Result run(Map<String, String> env, long timeoutSeconds, List<String> args) throws IOException, InterruptedException {
        if (!Files.isDirectory(suite.resolve("node_modules"))) {
            // ./hongyan test runs npm ci beforehand; this covers a bare `mvn test`.
            Result install = exec(List.of("npm", "ci", "--no-audit", "--no-fund", "--loglevel=error"), Map.of(), 600);
            if (install.exitCode() != 0) {
                throw new IllegalStateException("npm ci failed in " + suite + ":\n" + install.output());
            }
        }
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-reporter=tap"));
        command.addAll(args);
        return exec(command, env, timeoutSeconds);
    }

    /** The counts of a TAP summary ({@code # pass 3} ...); the last of each wins. */
    public static Result summary(int exitCode, String output) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher matcher = SUMMARY.matcher(output);
        while (matcher.find()) {
            counts.put(matcher.group(1), Integer.parseInt(matcher.group(2)));
        }
        return new Result(exitCode, counts.getOrDefault("pass", 0), counts.getOrDefault("fail", 0),
                counts.getOrDefault("cancelled", 0), counts.getOrDefault("skipped", 0), counts.getOrDefault("todo", 0),
                output);
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
            return new Result(-1, 0, 0, 0, 0, 0, output + "\n(killed after " + timeoutSeconds + " s)");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        return summary(process.exitValue(), output);
    }
}
