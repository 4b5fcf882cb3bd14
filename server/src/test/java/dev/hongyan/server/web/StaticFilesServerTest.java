package dev.hongyan.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.server.testing.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** http.staticDir through the real server: the wiring, the route, and raw request paths a client may send. */
class StaticFilesServerTest {

    @TempDir
    Path tmp;

    @Test
    void servesTheConfiguredDirectoryAtWebAndNothingOutsideIt() throws Exception {
        Path site = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(site.resolve("index.html"), "<p>page</p>");
        Files.writeString(site.resolve("app.js"), "export {};");
        Files.writeString(tmp.resolve("secret.txt"), "outside");
        try (TestServer server = TestServer.start("""
                http:
                  host: 127.0.0.1
                  port: 0
                  staticDir: "%s"
                """.formatted(site.toString().replace("\\", "/")))) {
            String page = get(server.port(), "/web/index.html");
            assertThat(page).startsWith("HTTP/1.1 200").containsIgnoringCase("content-type: text/html; charset=utf-8")
                    .endsWith("<p>page</p>");
            assertThat(get(server.port(), "/web/app.js")).containsIgnoringCase("content-type: text/javascript");
            assertThat(get(server.port(), "/web/missing.js")).startsWith("HTTP/1.1 404");
            // Raw, as a hostile client sends them: encoded slashes and dots stay one segment until decoded.
            for (String path : new String[] {"/web/..%2Fsecret.txt", "/web/%2E%2E%2Fsecret.txt", "/web/..%5Csecret.txt",
                "/web/../secret.txt", "/web/%2Fetc%2Fpasswd", "/web/.."}) {
                String answer = get(server.port(), path);
                assertThat(answer).as(path).matches("(?s)HTTP/1.1 40[04].*").doesNotContain("outside");
            }
        }
    }

    @Test
    void offByDefault() throws Exception {
        try (TestServer server = TestServer.start()) {
            assertThat(get(server.port(), "/web/index.html")).startsWith("HTTP/1.1 404");
        }
    }

    /** A raw HTTP/1.1 GET, so no client library normalises the path first. */
    private static String get(int port, String rawPath) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + rawPath + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
