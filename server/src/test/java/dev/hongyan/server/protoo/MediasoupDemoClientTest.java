package dev.hongyan.server.protoo;

import static org.assertj.core.api.Assertions.fail;

import dev.hongyan.server.node.NodeTestRunner;
import dev.hongyan.server.testing.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * mediasoup-demo's protocol as its own client libraries speak it: e2e/protoo runs protoo-client and
 * mediasoup-client (FakeHandler) under {@code node --test} against this server. {@code ./hongyan test}
 * installs the packages ({@code npm ci}) first; a missing install fails here with the command to run.
 * Every test of protocol.test.mjs must pass: none failed, skipped or todo, and exactly {@link #TESTS}.
 */
class MediasoupDemoClientTest {

    /** The {@code test(...)} calls in e2e/protoo/test/protocol.test.mjs; update with the file. */
    private static final int TESTS = 11;
    private static final long TIMEOUT_SECONDS = 300;

    @Test
    void mediasoupDemoClientsWork() throws Exception {
        NodeTestRunner runner = new NodeTestRunner("protoo");
        Path suite = runner.suite();
        if (!Files.isDirectory(suite.resolve("node_modules/mediasoup-client"))
                || !Files.isDirectory(suite.resolve("node_modules/protoo-client"))) {
            fail("%s has no node_modules: run `./hongyan test`, or `npm ci` in %s", suite, suite);
        }
        try (TestServer server = TestServer.start()) {
            NodeTestRunner.Result result = runner.run(Map.of("HONGYAN_PROTOO_URL", "ws://127.0.0.1:" + server.port()),
                    TIMEOUT_SECONDS, List.of("--test-concurrency=1", "test/protocol.test.mjs"));
            System.out.println(result.output());
            result.assertExactlyPassed(TESTS);
        }
    }
}
