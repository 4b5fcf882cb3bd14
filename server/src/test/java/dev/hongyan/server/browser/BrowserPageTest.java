package dev.hongyan.server.browser;

import dev.hongyan.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The browser setup without the SFU (e2e/browser/test/page.test.mjs): Hongyan serves the bundle,
 * Chromium's fake camera gives 1280x720, VP8 and H264 can be sent. When this passes and
 * {@link BrowserSfuTest} fails, the fault is in the media path, not in the test rig.
 */
class BrowserPageTest {

    @Test
    void hongyanServesThePageAndChromiumHasWhatTheSfuTestNeeds() {
        BrowserE2e e2e = BrowserE2e.locate();
        e2e.build();
        try (TestServer server = BrowserServer.start(e2e.dist())) {
            e2e.runNodeTests(server.httpUrl(), Duration.ofMinutes(2), 3, "test/page.test.mjs");
        }
    }
}
