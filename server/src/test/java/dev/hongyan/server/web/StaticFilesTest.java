package dev.hongyan.server.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StaticFilesTest {

    @TempDir
    Path tmp;
    private StaticFiles files;

    @BeforeEach
    void setUp() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("site"));
        Files.writeString(root.resolve("index.html"), "<h1>hi</h1>");
        Files.writeString(root.resolve("app.js"), "export {};");
        Files.writeString(root.resolve("app.js.map"), "{}");
        Files.writeString(root.resolve("data.bin"), "x");
        Files.writeString(root.resolve(".env"), "SECRET=1");
        Files.createDirectories(root.resolve("sub"));
        Files.writeString(root.resolve("sub/inner.txt"), "inner");
        Files.writeString(tmp.resolve("secret.txt"), "outside the root");
        Files.createSymbolicLink(root.resolve("escape.txt"), tmp.resolve("secret.txt"));
        files = new StaticFiles(root, Runnable::run);
    }

    private HttpResponse get(String file) {
        Map<String, String> params = new HashMap<>();
        if (file != null) {
            params.put("file", file);
        }
        return files.handle(new HttpRequest("GET", "/web/" + file, params, Map.of(), Map.of(), new byte[0], "127.0.0.1"))
                .toCompletableFuture().join();
    }

    @Test
    void servesAFileWithItsContentTypeAndNoCaching() {
        HttpResponse response = get("index.html");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("text/html; charset=utf-8");
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<h1>hi</h1>");
        assertThat(response.headers()).containsEntry("Cache-Control", "no-cache")
                .containsEntry("X-Content-Type-Options", "nosniff");
    }

    @Test
    void contentTypesByExtension() {
        assertThat(get("app.js").contentType()).isEqualTo("text/javascript; charset=utf-8");
        assertThat(get("app.js.map").contentType()).isEqualTo("application/json; charset=utf-8");
        assertThat(get("data.bin").contentType()).isEqualTo("application/octet-stream");
        assertThat(ContentTypes.of("LOGO.PNG")).isEqualTo("image/png");
        assertThat(ContentTypes.of("Makefile")).isEqualTo("application/octet-stream");
    }

    @Test
    void missingFileIs404() {
        assertThat(get("nope.html").status()).isEqualTo(404);
    }

    // The router hands over one decoded segment, so "%2F"-encoded traversal arrives with real slashes.
    @ParameterizedTest
    @ValueSource(strings = {"..", ".", "../secret.txt", "..\\secret.txt", "sub/../../secret.txt", "/etc/passwd",
        "sub/inner.txt", "sub", ".env", "", "a\0b", "escape.txt"})
    void refusesEverythingButAPlainFileInsideTheRoot(String name) {
        HttpResponse response = get(name);
        assertThat(response.status()).as(name).isEqualTo(404);
        assertThat(new String(response.body(), StandardCharsets.UTF_8)).doesNotContain("outside the root", "SECRET");
    }

    @Test
    void noFileParameterIs404() {
        assertThat(get(null).status()).isEqualTo(404);
    }

    @Test
    void refusesAMissingOrPlainFileRoot() {
        assertThatThrownBy(() -> new StaticFiles(tmp.resolve("absent"), Runnable::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("http.staticDir");
        assertThatThrownBy(() -> new StaticFiles(tmp.resolve("secret.txt"), Runnable::run))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a directory");
    }

    @Test
    void plainNames() {
        assertThat(List.of("index.html", "app.js", "a..b")).allMatch(StaticFiles::isPlainName);
    }
}
