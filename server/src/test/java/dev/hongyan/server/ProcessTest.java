package dev.hongyan.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.server.testing.SignalClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The server as an operator runs it: a separate JVM, configured by environment, stopped by SIGTERM. */
class ProcessTest {

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process launch(Map<String, String> env, List<String> output) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(Path.java(), "-cp", classpath, HongyanApplication.class.getName())
                .redirectErrorStream(true);
        builder.environment().keySet().removeIf(k -> k.startsWith("HONGYAN_"));
        builder.environment().putAll(env);
        // The media engine's UDP port: a free one, so parallel builds on one machine do not collide.
        builder.environment().putIfAbsent("HONGYAN_MEDIA_UDP_PORT", "0");
        Process process = builder.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (Exception ignored) {
                // the process ended
            }
        });
        reader.setDaemon(true);
        reader.start();
        return process;
    }

    private static void awaitHealthy(int port, Process process, List<String> output) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            assertThat(process.isAlive()).as("server process died: " + output).isTrue();
            try {
                HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    assertThat(health.body()).contains("\"status\":\"UP\"");
                    return;
                }
            } catch (java.io.IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("server did not become healthy: " + output);
    }

    @Test
    void sigtermTellsClientsThenClosesThemAndExits() throws Exception {
        int port = freePort();
        List<String> output = new CopyOnWriteArrayList<>();
        Process process = launch(Map.of("HONGYAN_HTTP_PORT", String.valueOf(port), "HONGYAN_HTTP_HOST", "127.0.0.1",
                "HONGYAN_ACCOUNTS", "alice:alice-pw:user", "HONGYAN_SHUTDOWN_GRACE_MILLIS", "500"), output);
        try {
            awaitHealthy(port, process, output);
            try (SignalClient alice = SignalClient.connect("ws://127.0.0.1:" + port + "/websocket.signal")) {
                alice.registerAs("alice", "alice-pw", "proc-alice", "WEB");
                process.destroy(); // SIGTERM
                JsonNode told = alice.await("platform::shutdown");
                assertThat(told.path("body").path("message").asText()).contains("shutting down");
                assertThat(alice.awaitClose()).isEqualTo(1001);
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("process exits").isTrue();
            assertThat(String.join("\n", output)).doesNotContain("password:");
        } finally {
            process.destroyForcibly();
        }
    }

    @Test
    void withoutAccountsAnAdminWithARandomPasswordIsCreatedAndPrintedOnce() throws Exception {
        int port = freePort();
        List<String> output = new CopyOnWriteArrayList<>();
        Process process = launch(Map.of("HONGYAN_HTTP_PORT", String.valueOf(port), "HONGYAN_HTTP_HOST", "127.0.0.1"), output);
        try {
            awaitHealthy(port, process, output);
            String password = output.stream().filter(l -> l.trim().startsWith("password:")).findFirst()
                    .map(l -> l.trim().substring("password:".length()).trim()).orElseThrow(() -> new AssertionError(output));
            assertThat(output.stream().filter(l -> l.contains(password)).count()).isEqualTo(1);
            try (SignalClient admin = SignalClient.connect("ws://127.0.0.1:" + port + "/websocket.signal")) {
                admin.registerAs("admin", password, "proc-admin", "WEB");
                assertThat(admin.request("client::status", Map.of()).path("code").asText()).isEqualTo("0000");
            }
        } finally {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
            process.destroyForcibly();
        }
    }

    private static final class Path {
        static String java() {
            return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
    }
}
