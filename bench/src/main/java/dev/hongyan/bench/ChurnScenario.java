package dev.hongyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 4: clients connect, register, enter a room and vanish without a close frame (TCP reset), in
 * waves; then the server must be back at its baseline (clients, connections, room members, heap) within a
 * bound. Rooms are held open by one anchor member each, so they exist before and after and only their
 * membership churns.
 */
final class ChurnScenario implements Scenario {

    static final String HELP = """
              churn         waves of clients connect, register, enter a room and drop without closing (TCP
                            reset, no close frame); then /metrics (and room::list) are polled until the
                            server is back at its baseline; PASS/FAIL per criterion
                --clients N               clients dropped in all (10000)
                --waves W                 waves (5)
                --rooms R                 rooms the clients enter, each held open by an anchor client (50;
                                          0: no rooms, for servers without room::*)
                --hold-ms MS              time entered before a wave drops (500)
                --bound-ms MS             the server must be back within this after the last drop (5000)
                --poll-ms MS              polling period (100)
                --heap-tolerance-mib M    heap after GC may exceed the baseline by this much (8); judged only
                                          with --server-pid (the bench must force the server's GC)
                --max-seconds S           bound on one run (600)
            """;

    private final BenchSettings settings;
    private final PrintStream log;
    private final int clients;
    private final int waves;
    private final int rooms;
    private final int holdMillis;
    private final int boundMillis;
    private final int pollMillis;
    private final double heapToleranceMiB;
    private final int maxSeconds;
    private final Messages messages;

    ChurnScenario(BenchSettings settings, Options options, PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.clients = options.integer("clients", 10_000, 1, 1_000_000);
        this.waves = options.integer("waves", 5, 1, 10_000);
        this.rooms = options.integer("rooms", 50, 0, 10_000);
        this.holdMillis = options.integer("hold-ms", 500, 0, 600_000);
        this.boundMillis = options.integer("bound-ms", 5_000, 0, 600_000);
        this.pollMillis = options.integer("poll-ms", 100, 10, 60_000);
        this.heapToleranceMiB = options.decimal("heap-tolerance-mib", 8, 0, 1e6);
        this.maxSeconds = options.integer("max-seconds", 600, 1, 86_400);
        this.messages = new Messages(new ObjectMapper(), settings.signalVersion());
    }

    /** What the server looks like from outside at one moment. */
    private record State(ServerProbe.Snapshot metrics, int ourRooms, long ourMembers) {}

    @Override
    public ScenarioResult run(int run) throws Exception {
        Deadline deadline = Deadline.in(TimeUnit.SECONDS.toMillis(maxSeconds));
        Map<String, Object> figures = new LinkedHashMap<>();
        Traffic traffic = new Traffic();
        ServerProbe probe = settings.probe();
        int perWave = (clients + waves - 1) / waves;
        List<Check> checks = new ArrayList<>();
        try (Connector connector = new Connector(settings.target(), messages, traffic, settings.ioThreads(),
                settings.connectTimeout(), settings.requestTimeout())) {
            // Anchors get their own source address block, after the churners' (rotated per run).
            Population anchors = new Population(connector, settings.credentials(), settings.clientType(),
                    settings.sources(Math.max(1, rooms), run * 2 + 1), settings.concurrency());
            anchors.warmUp(settings.clientId("churn", run, -1), deadline);
            Population.Outcome anchored = anchors.open(0, Math.max(1, rooms),
                    i -> settings.clientId("churn", run, 1_000_000 + i), deadline);
            if (anchored.registered() < Math.max(1, rooms)) {
                throw new IllegalStateException("anchor clients failed to register: " + anchored.failures());
            }
            BenchClient lookout = anchored.clients().get(0);
            String[] roomIds = openRooms(anchored.clients(), run);
            Set<String> ours = new HashSet<>(List.of(roomIds));

            Thread.sleep(Math.min(settings.settleMillis(), 1_000));
            State baseline = state(probe, lookout, ours, true);
            figures.putAll(baseline.metrics().figures("baseline."));
            figures.put("baseline.ourRooms", baseline.ourRooms());
            figures.put("baseline.ourMembers", baseline.ourMembers());
            log.printf("bench: baseline %d clients, %d connections, %d rooms of ours with %d members%n",
                    (long) baseline.metrics().clients(), (long) baseline.metrics().connections(),
                    baseline.ourRooms(), baseline.ourMembers());

            Population churners = new Population(connector, settings.credentials(), settings.clientType(),
                    settings.sources(clients, run * 2), settings.concurrency());
            LatencyHistogram enterLatency = new LatencyHistogram();
            LongAdder enterFailures = new LongAdder();
            long registered = 0;
            long dropped = 0;
            long lastDrop = System.nanoTime();
            long churnStart = System.nanoTime();
            for (int w = 0; w < waves && !deadline.expired(); w++) {
                int first = w * perWave;
                int count = Math.min(perWave, clients - first);
                if (count <= 0) {
                    break;
                }
                Population.Outcome wave = churners.open(first, count, i -> settings.clientId("churn", run, i), deadline);
                registered += wave.registered();
                enterAll(wave.clients(), first, roomIds, enterLatency, enterFailures, deadline);
                deadline.sleep(holdMillis);
                for (BenchClient client : wave.clients()) {
                    client.abort();
                    dropped++;
                }
                lastDrop = System.nanoTime();
                log.printf("bench: wave %d/%d: %d registered, dropped%n", w + 1, waves, wave.registered());
            }
            figures.put("churn.registered", registered);
            figures.put("churn.dropped", dropped);
            figures.put("churn.seconds", Report.round((lastDrop - churnStart) / 1e9, 2));
            Report.flatten(figures, "churn.enterLatency.", enterLatency.summaryMillis());
            figures.put("churn.enterFailed", enterFailures.sum());

            recover(probe, lookout, ours, baseline, lastDrop, figures, checks);
            figures.put("closedByServer", traffic.closedByServerCount());
            if (!traffic.errorCounts().isEmpty()) {
                figures.put("errors", traffic.errorCounts());
            }
        }
        checks.add(0, Check.atLeast("every churner registered", "churn.registered", clients));
        return new ScenarioResult(figures, checks);
    }

    /** Each anchor creates one room and enters it, so the room stays open (no empty-room timer). */
    private String[] openRooms(List<BenchClient> anchors, int run) throws Exception {
        String[] roomIds = new String[rooms];
        for (int r = 0; r < rooms; r++) {
            BenchClient anchor = anchors.get(r);
            JsonNode created = anchor.request("room::create",
                    messages.roomCreate(settings.clientPrefix() + "churn-" + run + "-" + r, null)).get();
            roomIds[r] = created.path("body").path("roomId").asText();
            anchor.request("room::enter", messages.roomId(roomIds[r], null)).get();
        }
        return roomIds;
    }

    private void enterAll(List<BenchClient> wave, int first, String[] roomIds, LatencyHistogram latency,
            LongAdder failures, Deadline deadline) throws InterruptedException {
        if (roomIds.length == 0) {
            return;
        }
        List<CompletableFuture<?>> replies = new ArrayList<>(wave.size());
        for (int k = 0; k < wave.size(); k++) {
            long sent = System.nanoTime();
            replies.add(wave.get(k).request("room::enter", messages.roomId(roomIds[(first + k) % roomIds.length], null))
                    .whenComplete((reply, failure) -> {
                        if (failure == null) {
                            latency.record(System.nanoTime() - sent);
                        } else {
                            failures.increment();
                        }
                    }));
        }
        deadline.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
    }

    /**
     * Polls until every criterion holds or the bound passes, recording when each first held (and kept
     * holding). Heap is judged last, after a forced GC, since it needs the pid and costs a full collection.
     */
    private void recover(ServerProbe probe, BenchClient lookout, Set<String> ours, State baseline, long lastDrop,
            Map<String, Object> figures, List<Check> checks) throws Exception {
        Map<String, Long> backAt = new LinkedHashMap<>();
        List<String> criteria = new ArrayList<>(List.of("clients", "connections"));
        if (baseline.metrics().rooms() >= 0) {
            criteria.add("roomsGauge");
        }
        if (!ours.isEmpty()) {
            criteria.add("rooms");
            criteria.add("roomMembers");
        }
        criteria.forEach(c -> backAt.put(c, null));
        Deadline bound = Deadline.in(boundMillis);
        State last;
        while (true) {
            last = state(probe, lookout, ours, false);
            long since = TimeUnit.NANOSECONDS.toMillis(last.metrics().takenAtNanos() - lastDrop);
            Map<String, Boolean> met = new LinkedHashMap<>();
            met.put("clients", last.metrics().clients() <= baseline.metrics().clients());
            met.put("connections", last.metrics().connections() <= baseline.metrics().connections());
            met.put("roomsGauge", last.metrics().rooms() == baseline.metrics().rooms());
            met.put("rooms", last.ourRooms() == baseline.ourRooms());
            met.put("roomMembers", last.ourMembers() == baseline.ourMembers());
            boolean all = true;
            for (String c : criteria) {
                if (met.get(c)) {
                    backAt.putIfAbsent(c, since); // a null value counts as absent: first time it holds
                } else {
                    backAt.put(c, null);
                    all = false;
                }
            }
            if (all || bound.expired()) {
                break;
            }
            Thread.sleep(pollMillis);
        }
        figures.putAll(last.metrics().figures("after."));
        figures.put("after.ourRooms", last.ourRooms());
        figures.put("after.ourMembers", last.ourMembers());
        for (String c : criteria) {
            figures.put("backWithinMs." + c, backAt.get(c));
            checks.add(Check.atMost(c + " back to baseline", "backWithinMs." + c, boundMillis));
        }
        if (probe.canCollect()) {
            Long heapBack = null;
            ServerProbe.Snapshot collected;
            do {
                collected = probe.snapshot(true);
                if (collected.heapUsedBytes() - baseline.metrics().heapUsedBytes() <= heapToleranceMiB * 1024 * 1024) {
                    heapBack = TimeUnit.NANOSECONDS.toMillis(collected.takenAtNanos() - lastDrop);
                    break;
                }
                Thread.sleep(pollMillis);
            } while (!bound.expired());
            figures.put("after.heapUsedAfterGcMiB", collected.figures("").get("heapUsedMiB"));
            figures.put("heapGrowthMiB", Report.round((collected.heapUsedBytes() - baseline.metrics().heapUsedBytes())
                    / (1024.0 * 1024.0), 2));
            figures.put("backWithinMs.heap", heapBack);
            checks.add(Check.atMost("heap (after GC) back to baseline + " + Report.number(heapToleranceMiB) + " MiB",
                    "backWithinMs.heap", boundMillis));
        } else {
            figures.put("backWithinMs.heap", "not judged: needs --server-pid to force the server's GC");
        }
    }

    private State state(ServerProbe probe, BenchClient lookout, Set<String> ours, boolean collect) throws Exception {
        ServerProbe.Snapshot metrics = probe.snapshot(collect);
        if (ours.isEmpty()) {
            return new State(metrics, 0, 0);
        }
        JsonNode list = lookout.request("room::list", messages.body()).get(settings.requestTimeout().toMillis(),
                TimeUnit.MILLISECONDS).path("body");
        int found = 0;
        long members = 0;
        for (JsonNode room : list) {
            if (ours.contains(room.path("roomId").asText())) {
                found++;
                members += room.path("clientSize").asLong();
            }
        }
        return new State(metrics, found, members);
    }
}
