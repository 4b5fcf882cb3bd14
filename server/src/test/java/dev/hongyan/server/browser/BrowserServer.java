package dev.hongyan.server.browser;

import dev.hongyan.server.testing.TestServer;
import java.nio.file.Path;

/** The real server as the browser tests need it: loopback, free port, serving the e2e bundle at /web/. */
final class BrowserServer {

    private BrowserServer() {}

    static TestServer start(Path dist) {
        // TestServer replaces a whole top-level section, so the http section repeats host and port.
        return TestServer.start("""
                http:
                  host: 127.0.0.1
                  port: 0
                  staticDir: "%s"
                """.formatted(dist.toAbsolutePath().toString().replace("\\", "/")));
    }
}
