package dev.hongyan.server.browser;

import dev.hongyan.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Real video through the SFU (e2e/browser/test/sfu.test.mjs): headless Chromium page A produces its
 * fake camera and microphone with mediasoup-client over protoo, page B in the same room consumes, and
 * B's RTCRtpReceiver stats must show decoded frames: VP8, H264 and VP8 with three simulcast layers,
 * each through pause/resume, (simulcast) a spatial layer switch, and producer close. A's microphone plays a
 * steady tone, and B must get {@code activeSpeaker} naming A (so Chrome sends the ssrc-audio-level
 * extension the router offers, and the room's audio level observer hears it). The Node output,
 * including both pages' ICE/DTLS/RTP state on a failed step, is echoed to the test log.
 */
class BrowserSfuTest {

    @Test
    void videoAndAudioFlowFromOneBrowserThroughHongyanToAnother() {
        BrowserE2e e2e = BrowserE2e.locate();
        e2e.build();
        try (TestServer server = BrowserServer.start(e2e.dist())) {
            e2e.runNodeTests(server.httpUrl(), Duration.ofMinutes(8), 3, "test/sfu.test.mjs");
        }
    }
}
