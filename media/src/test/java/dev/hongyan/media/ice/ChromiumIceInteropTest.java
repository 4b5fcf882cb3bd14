package dev.hongyan.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end against libwebrtc: headless Chromium offers a data channel, takes a hand-written ice-lite
 * answer pointing at our port, and runs ICE as the controlling agent. Its DTLS ClientHello reaching the
 * listener proves it accepted our Binding responses; COMPLETED proves it nominated. Opt-in
 * ({@code -Dhongyan.e2e=true}, Debian {@code chromium} installed): it starts a browser.
 */
class ChromiumIceInteropTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void chromiumConnectsNominatesAndStartsDtls(@TempDir Path dir) throws Exception {
        assertTrue(Files.isExecutable(CHROMIUM), "Debian chromium is required (./hongyan test installs it)");
        try (IceServer server = IceServer.open(IceServerOptions.of("127.0.0.1", 0))) {
            CountDownLatch dtls = new CountDownLatch(1);
            IceTransport transport = server.createTransport(IceTransportOptions.defaults(), (buf, length) -> {
                if (length > 0 && PacketClass.of(buf[0]) == PacketClass.DTLS) {
                    dtls.countDown();
                }
            });
            Path page = dir.resolve("index.html");
            Files.writeString(page, page(transport));
            Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                    "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--user-data-dir=" + dir.resolve("profile"), page.toUri().toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
            try {
                assertThat(dtls.await(30, TimeUnit.SECONDS)).as("DTLS ClientHello from Chromium").isTrue();
                long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
                while (transport.state() != IceState.COMPLETED && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(transport.state()).isEqualTo(IceState.COMPLETED);
            } finally {
                chromium.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private static String page(IceTransport transport) {
        IceParameters p = transport.parameters();
        IceCandidate c = transport.candidates().get(0);
        String fingerprint = "AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99";
        return """
            <html><body><script>
            (async () => {
              const pc = new RTCPeerConnection();
              pc.createDataChannel('x');
              const offer = await pc.createOffer();
              await pc.setLocalDescription(offer);
              const mid = /a=mid:(\\S+)/.exec(offer.sdp)[1];
              const sdp = ['v=0', 'o=- 1 1 IN IP4 127.0.0.1', 's=-', 't=0 0', 'a=ice-lite', 'a=group:BUNDLE ' + mid,
                'm=application %2$d UDP/DTLS/SCTP webrtc-datachannel', 'c=IN IP4 %1$s', 'a=mid:' + mid,
                'a=ice-ufrag:%3$s', 'a=ice-pwd:%4$s', 'a=fingerprint:sha-256 %5$s', 'a=setup:passive',
                'a=sctp-port:5000', 'a=candidate:%7$s 1 udp %6$d %1$s %2$d typ host', 'a=end-of-candidates', ''
              ].join('\\r\\n');
              await pc.setRemoteDescription({type: 'answer', sdp});
            })();
            </script></body></html>
            """.formatted(c.ip(), c.port(), p.usernameFragment(), p.password(), fingerprint, c.priority(),
                c.foundation());
    }
}
