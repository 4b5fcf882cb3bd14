package dev.hongyan.server.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.hongyan.server.node.NodeTestRunner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Node side of the browser end-to-end tests ({@code e2e/browser}): finds it, checks what it needs,
 * builds the page bundle and runs {@code node --test} files against a server. Everything missing is a
 * failure with the command that fixes it, never a skip: a skipped e2e test reads as a passing one.
 */
final class BrowserE2e {

    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("HONGYAN_CHROMIUM", "/usr/bin/chromium"));
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(120);

    private final Path dir;

    private BrowserE2e(Path dir) {
        this.dir = dir;
    }

    /** Locates e2e/browser above the module directory Maven runs tests in, and checks its prerequisites. */
    static BrowserE2e locate() {
        Path here = Path.of("").toAbsolutePath();
        Path dir = null;
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("e2e/browser/package.json"))) {
                dir = p.resolve("e2e/browser");
                break;
            }
        }
        if (dir == null) {
            fail("e2e/browser/package.json not found above " + here);
        }
        BrowserE2e e2e = new BrowserE2e(dir);
        e2e.checkPrerequisites();
        return e2e;
    }

    Path dist() {
        return dir.resolve("dist");
    }

    private void checkPrerequisites() {
        String fix = " (run ./hongyan test, or: cd e2e/browser && npm ci)";
        for (String module : List.of("playwright-core", "mediasoup-client", "protoo-client", "esbuild")) {
            assertTrue(Files.isRegularFile(dir.resolve("node_modules").resolve(module).resolve("package.json")),
                    "e2e/browser/node_modules/" + module + " is missing" + fix);
        }
        assertTrue(Files.isExecutable(CHROMIUM), CHROMIUM + " is missing (./hongyan test installs Debian's chromium)");
        Result version = run(List.of("node", "--version"), Map.of(), Duration.ofSeconds(20), false);
        assertEquals(0, version.exitCode(), "node is not runnable: " + version.output());
    }

    /** Rebuilds dist/ from page/ every run, so the served bundle can never be stale. */
    void build() {
        Result result = run(List.of("node", "build.mjs"), Map.of(), BUILD_TIMEOUT, false);
        assertEquals(0, result.exitCode(), "building the e2e page bundle failed:\n" + result.output());
        assertTrue(Files.isRegularFile(dist().resolve("app.js")), "build.mjs made no dist/app.js");
    }

    /**
     * Runs {@code node --test} on the given test files with the server's URL: the spec report is echoed
     * live, a TAP report goes to a file and is counted. Fails unless node exits 0 and exactly
     * {@code expectedPasses} tests passed with none failed, cancelled, skipped or todo ({@code node --test}
     * exits 0 on those).
     */
    void runNodeTests(String serverUrl, Duration timeout, int expectedPasses, String... testFiles) {
        Path tap;
        try {
            tap = Files.createTempFile("hongyan-browser-e2e-", ".tap");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command = new ArrayList<>(List.of("node", "--test", "--test-concurrency=1",
                "--test-reporter=spec", "--test-reporter-destination=stdout",
                "--test-reporter=tap", "--test-reporter-destination=" + tap));
        command.addAll(List.of(testFiles));
        Result result = run(command, Map.of("HONGYAN_URL", serverUrl), timeout, true);
        if (result.exitCode() != 0) {
            fail("node --test " + String.join(" ", testFiles) + " exited with " + result.exitCode()
                    + " (whole output in this test's log)\n" + firstDiagnosis(result.output()) + tail(result.output(), 40));
        }
        String report;
        try {
            report = Files.readString(tap, StandardCharsets.UTF_8);
            Files.deleteIfExists(tap);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        NodeTestRunner.summary(result.exitCode(), report).assertExactlyPassed(expectedPasses);
    }

    record Result(int exitCode, String output) {}

    /** Runs a command in e2e/browser; echoes its output live when {@code echo}; kills the whole tree on timeout. */
    private Result run(List<String> command, Map<String, String> env, Duration timeout, boolean echo) {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail("cannot start " + command + ": " + e.getMessage());
            return null;
        }
        StringBuilder output = new StringBuilder();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (echo) {
                        System.out.println("[e2e/browser] " + line);
                    }
                }
            } catch (IOException ignored) {
                // the process ended or was killed
            }
        }, "e2e-browser-output");
        reader.setDaemon(true);
        reader.start();
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                killTree(process);
                reader.join(5_000);
                fail(command + " still running after " + timeout + "; killed it and its browser. Output:\n"
                        + tail(output.toString(), 80));
            }
            reader.join(5_000);
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            fail("interrupted while running " + command);
        }
        synchronized (output) {
            return new Result(process.exitValue(), output.toString());
        }
    }

    /** Chromium runs as node's grandchild: descendants first, so no browser outlives the test. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first failed step with both pages' state, which says where the media path broke. */
    private static String firstDiagnosis(String output) {
        int start = output.indexOf("=== step failed");
        if (start < 0) {
            return "";
        }
        String[] lines = output.substring(start).split("\n");
        return String.join("\n", java.util.Arrays.copyOf(lines, Math.min(lines.length, 250))) + "\n...\n";
    }

    private static String tail(String text, int lines) {
        String[] all = text.split("\n");
        return String.join("\n", java.util.Arrays.copyOfRange(all, Math.max(0, all.length - lines), all.length));
    }
}
