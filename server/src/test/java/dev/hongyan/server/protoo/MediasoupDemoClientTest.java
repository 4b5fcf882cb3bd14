package dev.hongyan.server.protoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.hongyan.server.testing.TestServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * mediasoup-demo's protocol as its own client libraries speak it: e2e/protoo runs protoo-client and
 * mediasoup-client (FakeHandler) under {@code node --test} against this server. {@code ./hongyan test}
 * installs the packages ({@code npm ci}) first; a missing install fails here with the command to run.
 */
class MediasoupDemoClientTest {

    private static final long TIMEOUT_MINUTES = 5;

    @Test
    void mediasoupDemoClientsWork() throws Exception {
        Path suite = suiteDirectory();
        if (!Files.isDirectory(suite.resolve("node_modules/mediasoup-client"))
                || !Files.isDirectory(suite.resolve("node_modules/protoo-client"))) {
            fail("%s has no node_modules: run `./hongyan test`, or `npm ci` in %s", suite, suite);
        }
        try (TestServer server = TestServer.start()) {
            ProcessBuilder builder = new ProcessBuilder("node", "--test", "--test-concurrency=1",
                    "--test-reporter=spec", "test/protocol.test.mjs")
                    .directory(suite.toFile())
                    .redirectErrorStream(true);
            builder.environment().put("HONGYAN_PROTOO_URL", "ws://127.0.0.1:" + server.port());
            Process node;
            try {
                node = builder.start();
            } catch (IOException e) {
                throw new AssertionError("cannot run node (Node.js 20+ must be on the PATH)", e);
            }
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            Thread pump = new Thread(() -> copy(node.getInputStream(), output), "node-output");
            pump.setDaemon(true);
            pump.start();
            boolean finished = node.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES);
            if (!finished) {
                node.destroyForcibly();
            }
            pump.join(5_000);
            String log = output.toString(StandardCharsets.UTF_8);
            System.out.println(log);
            assertThat(finished).as("node --test did not finish within %d minutes:%n%s", TIMEOUT_MINUTES, log).isTrue();
            assertThat(node.exitValue()).as("node --test failed:%n%s", log).isZero();
        }
    }

    /** e2e/protoo from the repository root, found upward from the module's working directory. */
    private static Path suiteDirectory() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("e2e/protoo");
            if (Files.isRegularFile(candidate.resolve("package.json"))) {
                return candidate;
            }
        }
        throw new AssertionError("e2e/protoo/package.json not found above " + Path.of("").toAbsolutePath());
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (out) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }
}
