package dev.hongyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Scenario 2: R rooms of K members. Create (one creator per room), enter at a controlled rate (reply
 * latency), broadcast at a controlled rate (delivery latency to every other member, deliveries per
 * second), leave.
 */
final class RoomsScenario implements Scenario {

    static final String HELP = """
              rooms         R rooms of K members: room::create (one creator per room), room::enter at a set
                            rate (reply latency), room::broadcast at a set rate (delivery latency to every
                            other member, deliveries per second), room::leave
                --rooms R                 rooms (20)
                --members K               members per room, the creator included (50)
                --enter-rate N            room::enter requests per second, open loop (1000)
                --broadcast-rate N        room::broadcast messages per second over all members (4200);
                                          deliveries/s = N x (K-1); each member sends N/(R*K) per second
                --broadcast-seconds S     broadcast phase length (5)
                --payload-bytes B         padding in each broadcast body (100)
                --room-password P         create password-protected rooms (none)
                --drain-ms D              wait for the last deliveries (5000)
                --target-deliveries-per-second N   check (200000)
                --target-enter-p99-ms MS  check (10)
                --max-seconds S           bound on one run (600)
            """;

    private final BenchSettings settings;
    private final PrintStream log;
    private final int rooms;
    private final int members;
    private final double enterRate;
    private final double broadcastRate;
    private final int broadcastSeconds;
    private final String padding;
    private final String roomPassword;
    private final int drainMillis;
    private final double targetDeliveries;
    private final double targetEnterP99;
    private final int maxSeconds;
    private final Messages messages;

    RoomsScenario(BenchSettings settings, Options options, PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.rooms = options.integer("rooms", 20, 1, 10_000);
        this.members = options.integer("members", 50, 1, 10_000);
        this.enterRate = options.decimal("enter-rate", 1000, 0.1, 1e6);
        this.broadcastRate = options.decimal("broadcast-rate", 4200, 0.1, 1e7);
        this.broadcastSeconds = options.integer("broadcast-seconds", 5, 0, 3_600);
        this.padding = Messages.padding(options.integer("payload-bytes", 100, 0, 60_000));
        String password = options.string("room-password", "");
        this.roomPassword = password.isEmpty() ? null : password;
        this.drainMillis = options.integer("drain-ms", 5_000, 0, 600_000);
        this.targetDeliveries = options.decimal("target-deliveries-per-second", 200_000, 0, 1e12);
        this.targetEnterP99 = options.decimal("target-enter-p99-ms", 10, 0, 1e9);
        this.maxSeconds = options.integer("max-seconds", 600, 1, 86_400);
        this.messages = new Messages(new ObjectMapper(), settings.signalVersion());
        if ((long) rooms * members > 100_000) {
            throw new IllegalArgumentException("--rooms x --members must be at most 100000");
        }
    }

    @Override
    public ScenarioResult run(int run) throws Exception {
        Deadline deadline = Deadline.in(TimeUnit.SECONDS.toMillis(maxSeconds));
        Map<String, Object> figures = new LinkedHashMap<>();
        Traffic traffic = new Traffic();
        ServerProbe probe = settings.probe();
        int total = rooms * members;
        try (Connector connector = new Connector(settings.target(), messages, traffic, settings.ioThreads(),
                settings.connectTimeout(), settings.requestTimeout())) {
            Population population = new Population(connector, settings.credentials(), settings.clientType(),
                    settings.sources(total, run), settings.concurrency());
            population.warmUp(settings.clientId("room", run, -1), deadline);
            Population.Outcome outcome = population.open(0, total, i -> settings.clientId("room", run, i), deadline);
            figures.putAll(outcome.figures("open."));
            // Client i belongs to room i / members; its first member is the creator.
            BenchClient[] byIndex = outcome.slots();
            log.printf("bench: %d registered; creating %d rooms%n", outcome.registered(), rooms);

            String[] roomIds = create(byIndex, run, figures, deadline);
            AtomicIntegerArray entered = new AtomicIntegerArray(rooms);
            enter(byIndex, roomIds, entered, probe, figures, deadline);
            waitQuiet(traffic, deadline.within(3_000));
            broadcast(byIndex, roomIds, entered, traffic, probe, figures, deadline);
            leave(byIndex, roomIds, entered, traffic, figures, deadline);
            figures.put("notifications", traffic.notificationCounts());
            figures.put("closedByServer", traffic.closedByServerCount());
            if (!traffic.errorCounts().isEmpty()) {
                figures.put("errors", traffic.errorCounts());
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atLeast("every member entered", "enter.ok", total));
        checks.add(Check.atMost("room::enter p99 at the set rate", "enter.latency.p99Ms", targetEnterP99));
        checks.add(Check.atLeast("room broadcast deliveries per second", "broadcast.deliveriesPerSecond", targetDeliveries));
        checks.add(Check.atLeast("every broadcast delivered", "broadcast.deliveredRatio", 1.0));
        return new ScenarioResult(figures, checks);
    }

    private String[] create(BenchClient[] byIndex, int run, Map<String, Object> figures, Deadline deadline)
            throws InterruptedException {
        String[] roomIds = new String[rooms];
        LatencyHistogram latency = new LatencyHistogram();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> replies = new ArrayList<>();
        for (int r = 0; r < rooms; r++) {
            BenchClient creator = byIndex[r * members];
            if (creator == null) {
                continue;
            }
            int room = r;
            long sent = System.nanoTime();
            replies.add(creator.request("room::create", messages.roomCreate(settings.clientPrefix() + "room-" + run + "-" + r,
                    roomPassword)).whenComplete((reply, failure) -> {
                        if (failure != null) {
                            failures.merge(Population.reason(failure), 1, Integer::sum);
                            return;
                        }
                        latency.record(System.nanoTime() - sent);
                        JsonNode roomId = reply.path("body").path("roomId");
                        if (roomId.isTextual()) {
                            roomIds[room] = roomId.asText();
                        }
                    }));
        }
        deadline.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
        long created = java.util.Arrays.stream(roomIds).filter(java.util.Objects::nonNull).count();
        figures.put("create.ok", created);
        Report.flatten(figures, "create.latency.", latency.summaryMillis());
        if (!failures.isEmpty()) {
            figures.put("create.failures", new java.util.TreeMap<>(failures));
        }
        if (created == 0) {
            throw new IllegalStateException("no room could be created: " + failures
                    + (failures.keySet().stream().anyMatch(k -> k.contains("3415")) ? " (the server has no room::* signals)" : ""));
        }
        return roomIds;
    }

    /** Every member enters its room, interleaved over the rooms so they fill together, at --enter-rate. */
    private void enter(BenchClient[] byIndex, String[] roomIds, AtomicIntegerArray entered, ServerProbe probe,
            Map<String, Object> figures, Deadline deadline) throws InterruptedException {
        LatencyHistogram latency = new LatencyHistogram();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        List<CompletableFuture<?>> replies = new ArrayList<>();
        OwnHeap.collectBeforeTimedPhase();
        CpuMeter cpu = CpuMeter.start(probe);
        Pacer pacer = new Pacer(enterRate);
        long i = 0;
        for (int m = 0; m < members && !deadline.expired(); m++) {
            for (int r = 0; r < rooms && !deadline.expired(); r++) {
                BenchClient client = byIndex[r * members + m];
                if (client == null || roomIds[r] == null) {
                    continue;
                }
                pacer.awaitTurn(i++);
                int room = r;
                long sent = System.nanoTime();
                replies.add(client.request("room::enter", messages.roomId(roomIds[r], roomPassword))
                        .whenComplete((reply, failure) -> {
                            if (failure != null) {
                                failures.merge(Population.reason(failure), 1, Integer::sum);
                            } else {
                                latency.record(System.nanoTime() - sent);
                                entered.incrementAndGet(room);
                            }
                        }));
            }
        }
        long sendNanos = System.nanoTime() - pacer.start();
        deadline.await(CompletableFuture.allOf(replies.toArray(CompletableFuture[]::new)));
        figures.put("enter.requested", i);
        figures.put("enter.ok", latency.count());
        figures.put("enter.offeredPerSecond", Math.round(i * 1e9 / Math.max(1, sendNanos)));
        figures.put("enter.senderMaxLagMs", LatencyHistogram.millis(pacer.maxLagNanos()));
        Report.flatten(figures, "enter.latency.", latency.summaryMillis());
        figures.putAll(cpu.figures("enter.", latency.count()));
        if (!failures.isEmpty()) {
            figures.put("enter.failures", new java.util.TreeMap<>(failures));
        }
        log.printf("bench: %d entered, p99 %.3f ms%n", latency.count(), LatencyHistogram.millis(latency.percentile(99)));
    }

    /** Members send room::broadcast round-robin at --broadcast-rate; every other member should get each. */
    private void broadcast(BenchClient[] byIndex, String[] roomIds, AtomicIntegerArray entered, Traffic traffic,
            ServerProbe probe, Map<String, Object> figures, Deadline deadline) throws InterruptedException {
        List<BenchClient> senders = new ArrayList<>();
        List<Integer> senderRooms = new ArrayList<>();
        for (int m = 0; m < members; m++) {
            for (int r = 0; r < rooms; r++) {
                BenchClient client = byIndex[r * members + m];
                if (client != null && roomIds[r] != null && entered.get(r) > 0) {
                    senders.add(client);
                    senderRooms.add(r);
                }
            }
        }
        LatencyHistogram latency = traffic.deliveries();
        long before = latency.count();
        long expected = 0;
        long sent = 0;
        OwnHeap.collectBeforeTimedPhase();
        CpuMeter cpu = CpuMeter.start(probe);
        Pacer pacer = new Pacer(broadcastRate);
        long end = pacer.start() + TimeUnit.SECONDS.toNanos(broadcastSeconds);
        while (!senders.isEmpty() && System.nanoTime() - end < 0 && !deadline.expired()) {
            pacer.awaitTurn(sent);
            int k = (int) (sent % senders.size());
            int room = senderRooms.get(k);
            BenchClient sender = senders.get(k);
            sender.send("room::broadcast", messages.timestamped(messages.roomId(roomIds[room], null), sender.clientId(),
                    padding));
            // Members that entered (the sender among them) minus the sender.
            expected += entered.get(room) - 1;
            sent++;
        }
        long sendEnd = System.nanoTime();
        Deadline drain = deadline.within(drainMillis);
        while (latency.count() - before < expected && !drain.expired()) {
            Thread.sleep(5);
        }
        long delivered = latency.count() - before;
        long span = Math.max(1, traffic.lastDeliveryNanos() - pacer.start());
        figures.put("broadcast.sent", sent);
        figures.put("broadcast.sentPerSecond", Math.round(sent * 1e9 / Math.max(1, sendEnd - pacer.start())));
        figures.put("broadcast.senderMaxLagMs", LatencyHistogram.millis(pacer.maxLagNanos()));
        figures.put("broadcast.expected", expected);
        figures.put("broadcast.delivered", delivered);
        figures.put("broadcast.deliveredRatio", expected == 0 ? 0 : Report.round((double) delivered / expected, 4));
        figures.put("broadcast.deliverySeconds", Report.round(span / 1e9, 3));
        figures.put("broadcast.deliveriesPerSecond", Math.round(delivered * 1e9 / span));
        Report.flatten(figures, "broadcast.latency.", latency.summaryMillis());
        figures.putAll(cpu.figures("broadcast.", delivered));
        log.printf("bench: %d broadcasts, %d/%d delivered, %.0f deliveries/s%n", sent, delivered, expected,
                delivered * 1e9 / span);
    }

    /** Everyone leaves at --enter-rate; the remaining members hear room::leave. */
    private void leave(BenchClient[] byIndex, String[] roomIds, AtomicIntegerArray entered, Traffic traffic,
            Map<String, Object> figures, Deadline deadline) throws InterruptedException {
        long expected = 0;
        for (int r = 0; r < rooms; r++) {
            long n = entered.get(r);
            expected += n * (n - 1) / 2;
        }
        LongAdder heard = new LongAdder();
        traffic.listener((client, signal) -> {
            if ("room::leave".equals(signal)) {
                heard.increment();
            }
        });
        Pacer pacer = new Pacer(enterRate);
        long i = 0;
        for (int m = 0; m < members && !deadline.expired(); m++) {
            for (int r = 0; r < rooms; r++) {
                BenchClient client = byIndex[r * members + m];
                if (client != null && roomIds[r] != null) {
                    pacer.awaitTurn(i++);
                    client.send("room::leave", messages.roomId(roomIds[r], null));
                }
            }
        }
        Deadline drain = deadline.within(drainMillis);
        while (heard.sum() < expected && !drain.expired()) {
            Thread.sleep(5);
        }
        traffic.listener(null);
        figures.put("leave.sent", i);
        figures.put("leave.announcementsExpected", expected);
        figures.put("leave.announcementsHeard", heard.sum());
        figures.put("leave.seconds", Report.round((System.nanoTime() - pacer.start()) / 1e9, 3));
    }

    /** Lets the enter announcements (room::enter, room::client::list) finish arriving before measuring. */
    private static void waitQuiet(Traffic traffic, Deadline deadline) throws InterruptedException {
        long last = -1;
        while (!deadline.expired()) {
            long now = traffic.notificationCounts().values().stream().mapToLong(Long::longValue).sum();
            if (now == last) {
                return;
            }
            last = now;
            Thread.sleep(200);
        }
    }
}
