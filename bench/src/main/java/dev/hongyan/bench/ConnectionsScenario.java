package dev.hongyan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 1: open and register N clients, hold them with heartbeats, and read the server's heap and RSS
 * per registered client from /metrics before and after (after a forced GC when the server's pid is known).
 */
final class ConnectionsScenario implements Scenario {

    static final String HELP = """
              connections   open and register N clients (bounded handshake concurrency), hold them with
                            client::heartbeat, report connect+register rate and latency, and the server's
                            heap and RSS growth per registered client (from /metrics, before and after)
                --clients N               clients (1000)
                --hold-seconds S          how long to hold them once all are registered (10)
                --heartbeat-seconds H     client::heartbeat period per client, phases spread at random (5)
                --target-heap-per-client-bytes B   check: heap growth per client at most B (4096)
                --max-seconds S           bound on one run (600)
            """;

    private final BenchSettings settings;
    private final PrintStream log;
    private final int clients;
    private final int holdSeconds;
    private final int heartbeatSeconds;
    private final int targetHeapPerClient;
    private final int maxSeconds;
    private final Messages messages;

    ConnectionsScenario(BenchSettings settings, Options options, PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.clients = options.integer("clients", 1000, 1, 100_000);
        this.holdSeconds = options.integer("hold-seconds", 10, 0, 86_400);
        this.heartbeatSeconds = options.integer("heartbeat-seconds", 5, 1, 3_600);
        this.targetHeapPerClient = options.integer("target-heap-per-client-bytes", 4096, 1, Integer.MAX_VALUE);
        this.maxSeconds = options.integer("max-seconds", 600, 1, 86_400);
        this.messages = new Messages(new ObjectMapper(), settings.signalVersion());
    }

    @Override
    public ScenarioResult run(int run) throws Exception {
        Deadline deadline = Deadline.in(TimeUnit.SECONDS.toMillis(maxSeconds));
        ServerProbe probe = settings.probe();
        Map<String, Object> figures = new LinkedHashMap<>();
        ServerProbe.Snapshot before = settle(probe);
        Traffic traffic = new Traffic();
        try (Connector connector = new Connector(settings.target(), messages, traffic, settings.ioThreads(),
                settings.connectTimeout(), settings.requestTimeout())) {
            SourceAddresses sources = settings.sources(clients, run);
            figures.put("sourceAddresses", String.join(",", sources.describe()));
            figures.put("transport", connector.transport());
            log.printf("bench: opening %d clients from %s%n", clients, sources.describe());
            Population population = new Population(connector, settings.credentials(), settings.clientType(),
                    sources, settings.concurrency());
            population.warmUp(settings.clientId("conn", run, -1), deadline);
            CpuMeter openCpu = CpuMeter.start(probe);
            Population.Outcome outcome = population.open(0, clients, i -> settings.clientId("conn", run, i), deadline);
            List<BenchClient> opened = outcome.clients();
            figures.putAll(outcome.figures("open."));
            figures.putAll(openCpu.figures("open.", outcome.registered()));
            log.printf("bench: %d registered in %.1f s (%.0f/s), %d failed%n", outcome.registered(),
                    outcome.elapsedNanos() / 1e9, outcome.registeredPerSecond(), outcome.failed());

            LatencyHistogram heartbeats = new LatencyHistogram();
            LongAdder heartbeatFailures = new LongAdder();
            CpuMeter holdCpu = CpuMeter.start(probe);
            List<ScheduledFuture<?>> timers = startHeartbeats(opened, heartbeats, heartbeatFailures);
            long holdStart = System.nanoTime();
            deadline.within(TimeUnit.SECONDS.toMillis(holdSeconds)).sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
            timers.forEach(t -> t.cancel(false));
            long stillOpen = opened.stream().filter(BenchClient::isOpen).count();
            figures.put("hold.seconds", Report.round((System.nanoTime() - holdStart) / 1e9, 1));
            figures.put("hold.stillOpen", stillOpen);
            figures.put("hold.closedByServer", traffic.closedByServerCount());
            Report.flatten(figures, "hold.heartbeat.", heartbeats.summaryMillis());
            figures.put("hold.heartbeat.failed", heartbeatFailures.sum());
            figures.putAll(holdCpu.figures("hold.", heartbeats.count()));

            ServerProbe.Snapshot after = settle(probe);
            figures.putAll(before.figures("server.before."));
            figures.putAll(after.figures("server.after."));
            int registered = outcome.registered();
            if (registered > 0) {
                figures.put("server.heapPerClientBytes", Math.round((after.heapUsedBytes() - before.heapUsedBytes()) / registered));
                figures.put("server.rssPerClientBytes", Math.round((after.residentBytes() - before.residentBytes()) / registered));
            }
            figures.put("server.clientsAdded", Math.round(after.clients() - before.clients()));
            figures.put("server.connectionsAdded", Math.round(after.connections() - before.connections()));
            figures.put("notifications", traffic.notificationCounts());
            if (!traffic.errorCounts().isEmpty()) {
                figures.put("errors", traffic.errorCounts());
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atLeast("all clients registered", "open.registered", clients));
        checks.add(Check.atMost("server heap per idle client", "server.heapPerClientBytes", targetHeapPerClient));
        return new ScenarioResult(figures, checks);
    }

    /** A forced GC when the pid is known; otherwise --settle-ms of quiet first, an upper bound then. */
    private ServerProbe.Snapshot settle(ServerProbe probe) throws Exception {
        if (!probe.canCollect()) {
            Thread.sleep(settings.settleMillis());
            return probe.snapshot(false);
        }
        // Two full GCs a moment apart: the first can leave behind what only becomes garbage after it
        // (cleaners, reference queues), and a single reading would charge that to the clients.
        probe.collect();
        Thread.sleep(Math.min(settings.settleMillis(), 1_000));
        return probe.snapshot(true);
    }

    private List<ScheduledFuture<?>> startHeartbeats(List<BenchClient> clients, LatencyHistogram latency,
            LongAdder failures) {
        List<ScheduledFuture<?>> timers = new ArrayList<>(clients.size());
        long period = TimeUnit.SECONDS.toMillis(heartbeatSeconds);
        for (int i = 0; i < clients.size(); i++) {
            BenchClient client = clients.get(i);
            int battery = i;
            long phase = ThreadLocalRandom.current().nextLong(period);
            timers.add(client.channel().eventLoop().scheduleAtFixedRate(() -> {
                long sent = System.nanoTime();
                client.request("client::heartbeat", messages.heartbeat(battery)).whenComplete((reply, failure) -> {
                    if (failure == null) {
                        latency.record(System.nanoTime() - sent);
                    } else {
                        failures.increment();
                    }
                });
            }, phase, period, TimeUnit.MILLISECONDS));
        }
        return timers;
    }
}
