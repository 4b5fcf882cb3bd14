package dev.hongyan.server.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.server.node.NodeTestRunner;
import dev.hongyan.server.testing.TestServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Node suite e2e/p2p: real WebRTC peers (@roamhq/wrtc) call each other through session::* and
 * through the domain API on this server, and must receive a data-channel message and at least 30
 * video frames and 30 audio chunks each way.
 */
class P2pEndToEndTest {

    @Test
    void realPeersConnectThroughTheServer() throws Exception {
        try (TestServer server = TestServer.start()) {
            NodeTestRunner.Result result = new NodeTestRunner("p2p").run(Map.of(
                    "HONGYAN_URL", server.httpUrl(),
                    "HONGYAN_E2E_USERNAME", "alice",
                    "HONGYAN_E2E_PASSWORD", "alice-pw"), 300);
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.failed()).as(result.output()).isZero();
            assertThat(result.passed()).as(result.output()).isGreaterThanOrEqualTo(3);
        }
    }
}
