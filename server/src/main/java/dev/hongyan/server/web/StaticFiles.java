package dev.hongyan.server.web;

import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.HttpRoute;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the files of one directory at {@code GET /web/{file}}: a built web page (the browser
 * end-to-end bundle, a console). Flat on purpose: a bundler's output is one directory, and with a
 * single-segment template there is no sub-path to walk out of the root. The segment arrives decoded,
 * so {@code ..%2F..%2Fetc%2Fpasswd} is still checked here: names with a separator, dot-names and
 * anything that resolves (symlinks included) outside the root are refused.
 *
 * <p>Files are read on {@code executor}, never on the event loop.
 */
public final class StaticFiles implements HttpRoute {

    public static final String PATH_TEMPLATE = "/web/{file}";
    /** Larger files are refused rather than held in memory whole (responses are not streamed). */
    static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(StaticFiles.class);

    private final Path root;
    private final Executor executor;

    /** {@code directory} must exist; it is resolved to its real path once, here. */
    public StaticFiles(Path directory, Executor executor) {
        try {
            this.root = directory.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("http.staticDir " + directory + " is not readable: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException("http.staticDir " + directory + " is not a directory");
        }
        this.executor = executor;
    }

    @Override
    public String method() {
        return "GET";
    }

    @Override
    public String pathTemplate() {
        return PATH_TEMPLATE;
    }

    @Override
    public CompletionStage<HttpResponse> handle(HttpRequest request) {
        String name = request.pathParams().get("file");
        if (!isPlainName(name)) {
            return CompletableFuture.completedFuture(notFound());
        }
        return CompletableFuture.supplyAsync(() -> read(name), executor);
    }

    /** One path segment naming a visible file: no separators, no dot-names ("..", ".env"), no NUL. */
    static boolean isPlainName(String name) {
        return name != null && !name.isEmpty() && !name.startsWith(".") && name.indexOf('/') < 0
                && name.indexOf('\\') < 0 && name.indexOf('\0') < 0;
    }

    private HttpResponse read(String name) {
        try {
            Path file = root.resolve(name).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return notFound();
            }
            // A symlink inside the root may point outside it.
            Path real = file.toRealPath();
            if (!real.startsWith(root) || !Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
                return notFound();
            }
            if (Files.size(real) > MAX_FILE_BYTES) {
                return HttpResponse.text(413, "file too large to serve");
            }
            return new HttpResponse(200, ContentTypes.of(name), Files.readAllBytes(real),
                    // Pages are rebuilt in place (the e2e bundle on every test run): never serve a stale one.
                    Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff"));
        } catch (IOException | RuntimeException e) {
            log.debug("static file {} not served: {}", name, e.toString());
            return notFound();
        }
    }

    private static HttpResponse notFound() {
        return HttpResponse.text(404, "not found");
    }
}
