package dev.hongyan.core.platform;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the few operations that reach outside the server: named scripts, restarting the platform,
 * rebooting or shutting down the host, stopping the server. Commands come only from configuration;
 * a client picks one by name and never supplies a command line. Commands run on a dedicated
 * executor, never on an event loop.
 */
public final class PlatformControl {

    private static final Logger log = LoggerFactory.getLogger(PlatformControl.class);
    private static final int MAX_OUTPUT_BYTES = 64 * 1024;

    private final PlatformSettings settings;
    private final ExecutorService executor;
    private final Runnable stopServer;

    public PlatformControl(PlatformSettings settings, ExecutorService executor, Runnable stopServer) {
        this.settings = settings;
        this.executor = executor;
        this.stopServer = stopServer;
    }

    public void requireEnabled(String signal) {
        if (!settings.enabled()) {
            throw new CoreException(ErrorCode.DISABLED, signal + " is disabled (platform.enabled is false)");
        }
    }

    public CompletableFuture<String> runScript(String name) {
        String command = settings.scripts().get(name);
        if (command == null) {
            throw CoreException.notFound("no script named \"" + name + "\" (configured: "
                    + String.join(", ", settings.scripts().keySet()) + ")");
        }
        return run(command);
    }

    /** The command configured for a host or platform operation; refused when empty. */
    public String command(String signal, String key, String command) {
        if (command == null || command.isBlank()) {
            throw new CoreException(ErrorCode.DISABLED, signal + " needs platform." + key + " to be configured");
        }
        return command;
    }

    public PlatformSettings settings() {
        return settings;
    }

    public CompletableFuture<String> run(String command) {
        List<String> argv = Arrays.stream(command.trim().split("\\s+")).toList();
        return CompletableFuture.supplyAsync(() -> execute(argv), executor);
    }

    /** Stops the server gracefully, after the caller has had time to answer. */
    public void stopServerSoon() {
        CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS, executor).execute(stopServer);
    }

    private String execute(List<String> argv) {
        log.warn("platform command: {}", argv);
        Path output = null;
        try {
            // Output goes to a file, not a pipe: nothing has to drain it while we wait, so one thread
            // per command is enough and a chatty command cannot block on a full pipe.
            output = Files.createTempFile("hongyan-command", ".out");
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(output.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
            if (!process.waitFor(settings.commandTimeoutMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new CoreException(ErrorCode.TIMEOUT, "command did not finish within " + settings.commandTimeoutMillis() + " ms");
            }
            String text = readHead(output);
            if (process.exitValue() != 0) {
                throw new CoreException(ErrorCode.INTERNAL, "command exited with " + process.exitValue() + ": " + text.strip());
            }
            return text;
        } catch (IOException e) {
            throw new CoreException(ErrorCode.INTERNAL, "command could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CoreException(ErrorCode.INTERNAL, "interrupted");
        } finally {
            if (output != null) {
                try {
                    Files.deleteIfExists(output);
                } catch (IOException ignored) {
                    // a temp file left behind is harmless
                }
            }
        }
    }

    private static String readHead(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(MAX_OUTPUT_BYTES), StandardCharsets.UTF_8);
        }
    }
}
