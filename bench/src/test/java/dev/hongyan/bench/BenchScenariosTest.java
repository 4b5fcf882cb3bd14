package dev.hongyan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.server.HongyanApplication;
import dev.hongyan.server.config.Config;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every scenario at toy scale against the real server started in this JVM: proves they run end to end
 * over real sockets and write sane JSON. Targets are relaxed (a test JVM hosting both sides measures
 * nothing); the figures come from `./hongyan bench`.
 */
class BenchScenariosTest {

    private static HongyanApplication server;
    private final ObjectMapper mapper = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void startServer() {
        server = HongyanApplication.start(Config.fromYaml("""
                http:
                  host: 127.0.0.1
                  port: 0
                accounts: "bench:bench-pw:user,bench2:bench2-pw:user"
                clients:
                  presenceScope: NONE
                """, Map.of()));
    }

    @AfterAll
    static void stopServer() {
        server.stop();
    }

    @Test
    void connections() throws Exception {
        JsonNode json = run("connections", "--clients", "20", "--hold-seconds", "1", "--heartbeat-seconds", "1",
                "--accounts", "bench:bench-pw,bench2:bench2-pw",
                "--server-pid", Long.toString(ProcessHandle.current().pid()),
                "--target-heap-per-client-bytes", "100000000");
        JsonNode figures = json.path("runs").path(0);
        assertThat(figures.path("open.registered").asInt()).isEqualTo(20);
        assertThat(figures.path("open.registerLatency.count").asInt()).isEqualTo(20);
        assertThat(figures.path("open.registerLatency.p99Ms").asDouble()).isPositive();
        assertThat(figures.path("hold.heartbeat.count").asInt()).isPositive();
        assertThat(figures.path("hold.stillOpen").asInt()).isEqualTo(20);
        assertThat(figures.path("server.after.afterGc").asBoolean()).isTrue();
        assertThat(figures.path("server.clientsAdded").asInt()).isEqualTo(20);
        assertThat(figures.has("server.heapPerClientBytes")).isTrue();
        assertThat(json.path("checks")).hasSize(2);
    }

    @Test
    void fanout() throws Exception {
        JsonNode json = run("fanout", "--clients", "20", "--repeat", "3", "--interval-ms", "20");
        JsonNode figures = json.path("runs").path(0);
        assertThat(figures.path("fanout.expected").asInt()).isEqualTo(60);
        assertThat(figures.path("fanout.delivered").asInt()).isEqualTo(60);
        assertThat(figures.path("fanout.latency.count").asInt()).isEqualTo(60);
        assertThat(figures.path("fanout.deliveriesPerSecond").asDouble()).isPositive();
    }

    @Test
    void rooms() throws Exception {
        assumeTrue(serverHasRooms(), "room::* is not in this server yet (branch rooms)");
        JsonNode json = run("rooms", "--rooms", "2", "--members", "5", "--enter-rate", "100", "--broadcast-rate", "50",
                "--broadcast-seconds", "1", "--target-deliveries-per-second", "1", "--target-enter-p99-ms", "10000");
        JsonNode figures = json.path("runs").path(0);
        assertThat(figures.path("create.ok").asInt()).isEqualTo(2);
        assertThat(figures.path("enter.ok").asInt()).isEqualTo(10);
        assertThat(figures.path("broadcast.sent").asInt()).isPositive();
        assertThat(figures.path("broadcast.delivered").asLong()).isEqualTo(figures.path("broadcast.sent").asLong() * 4);
        assertThat(figures.path("leave.announcementsHeard").asInt()).isEqualTo(2 * (5 * 4 / 2));
    }

    @Test
    void churn() throws Exception {
        List<String> args = new ArrayList<>(List.of("--clients", "20", "--waves", "2", "--hold-ms", "100",
                "--bound-ms", "5000", "--settle-ms", "100"));
        args.addAll(serverHasRooms() ? List.of("--rooms", "2") : List.of("--rooms", "0"));
        JsonNode json = run("churn", args.toArray(String[]::new));
        JsonNode figures = json.path("runs").path(0);
        assertThat(figures.path("churn.dropped").asInt()).isEqualTo(20);
        assertThat(figures.path("backWithinMs.clients").isNumber()).isTrue();
        assertThat(figures.path("backWithinMs.connections").isNumber()).isTrue();
        if (serverHasRooms()) {
            assertThat(figures.path("backWithinMs.roomMembers").isNumber()).isTrue();
            assertThat(figures.path("baseline.ourMembers").asInt()).isEqualTo(2);
        }
        for (JsonNode check : json.path("checks")) {
            assertThat(check.path("result").asText()).as(check.path("name").asText()).isEqualTo("PASS");
        }
    }

    private JsonNode run(String scenario, String... options) throws Exception {
        Path out = dir.resolve(scenario + ".json");
        List<String> args = new ArrayList<>(List.of(scenario, "--url",
                "ws://127.0.0.1:" + server.port() + "/websocket.signal", "--out", out.toString()));
        args.addAll(List.of(options));
        if (!args.contains("--settle-ms")) {
            args.addAll(List.of("--settle-ms", "100"));
        }
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        int status = new Bench(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8)).run(args.toArray(String[]::new));
        String table = stdout.toString(StandardCharsets.UTF_8);
        assertThat(status).as("exit status; stderr:%n%s%nstdout:%n%s", stderr, table).isZero();
        assertThat(table).contains(scenario, "results: " + out);
        JsonNode json = mapper.readTree(out.toFile());
        assertThat(json.path("scenario").asText()).isEqualTo(scenario);
        assertThat(json.path("command").asText()).startsWith("./hongyan bench " + scenario + " --url ws://127.0.0.1:");
        assertThat(json.path("serverUrl").asText()).endsWith("/websocket.signal");
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("machine").path("javaVersion").asText()).isNotBlank();
        assertThat(json.path("parameters").path("url").asText()).startsWith("ws://127.0.0.1:");
        assertThat(json.path("runs")).hasSize(1);
        assertThat(json.path("median").isObject()).isTrue();
        return json;
    }

    private static boolean serverHasRooms() {
        try {
            Class.forName("dev.hongyan.core.room.RoomService");
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
