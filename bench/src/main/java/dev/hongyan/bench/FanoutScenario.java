package dev.hongyan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scenario 3: one client::broadcast reaching N clients, repeated M times: deliveries per second and
 * delivery latency (send timestamp in the body, read by the receivers).
 */
final class FanoutScenario implements Scenario {

    static final String HELP = """
              fanout        one client sends client::broadcast to N others, M times; deliveries per second
                            and delivery latency percentiles
                --clients N               receivers (1000); one more client sends
                --repeat M                broadcasts (20)
                --interval-ms I           pause between broadcasts (100; the server limits each connection
                                          to limits.messagesPerSecond)
                --payload-bytes B         padding in each body (100)
                --drain-ms D              how long to wait for the last deliveries (5000)
                --max-seconds S           bound on one run (300)
            """;

    private final BenchSettings settings;
    private final PrintStream log;
    private final int receivers;
    private final int repeat;
    private final int intervalMillis;
    private final String padding;
    private final int drainMillis;
    private final int maxSeconds;
    private final Messages messages;

    FanoutScenario(BenchSettings settings, Options options, PrintStream log) {
        this.settings = settings;
        this.log = log;
        this.receivers = options.integer("clients", 1000, 1, 100_000);
        this.repeat = options.integer("repeat", 20, 1, 1_000_000);
        this.intervalMillis = options.integer("interval-ms", 100, 0, 60_000);
        this.padding = Messages.padding(options.integer("payload-bytes", 100, 0, 60_000));
        this.drainMillis = options.integer("drain-ms", 5_000, 0, 600_000);
        this.maxSeconds = options.integer("max-seconds", 300, 1, 86_400);
        this.messages = new Messages(new ObjectMapper(), settings.signalVersion());
    }

    @Override
    public ScenarioResult run(int run) throws Exception {
        Deadline deadline = Deadline.in(TimeUnit.SECONDS.toMillis(maxSeconds));
        Map<String, Object> figures = new LinkedHashMap<>();
        Traffic traffic = new Traffic();
        long expected = (long) repeat * receivers;
        try (Connector connector = new Connector(settings.target(), messages, traffic, settings.ioThreads(),
                settings.connectTimeout(), settings.requestTimeout())) {
            int total = receivers + 1;
            SourceAddresses sources = settings.sources(total, run);
            Population population = new Population(connector, settings.credentials(), settings.clientType(),
                    sources, settings.concurrency());
            population.warmUp(settings.clientId("fan", run, -1), deadline);
            Population.Outcome outcome = population.open(0, total, i -> settings.clientId("fan", run, i), deadline);
            List<BenchClient> opened = outcome.clients();
            figures.putAll(outcome.figures("open."));
            if (opened.size() < 2) {
                throw new IllegalStateException("fewer than two clients registered: " + outcome.failures());
            }
            expected = (long) repeat * (opened.size() - 1);
            BenchClient sender = opened.get(0);
            log.printf("bench: %d registered; %d broadcasts to %d receivers%n", opened.size(), repeat, opened.size() - 1);

            OwnHeap.collectBeforeTimedPhase();
            CpuMeter cpu = CpuMeter.start(settings.probe());
            long firstSend = System.nanoTime();
            for (int m = 0; m < repeat && !deadline.expired(); m++) {
                sender.send("client::broadcast", messages.timestamped(messages.body(), sender.clientId(), padding));
                if (intervalMillis > 0) {
                    Thread.sleep(intervalMillis);
                }
            }
            long sendEnd = System.nanoTime();
            Deadline drain = deadline.within(drainMillis);
            while (traffic.deliveries().count() < expected && !drain.expired()) {
                Thread.sleep(10);
            }
            LatencyHistogram latency = traffic.deliveries();
            long delivered = latency.count();
            long span = Math.max(1, traffic.lastDeliveryNanos() - firstSend);
            figures.put("fanout.receivers", opened.size() - 1);
            figures.put("fanout.broadcasts", repeat);
            figures.put("fanout.expected", expected);
            figures.put("fanout.delivered", delivered);
            figures.put("fanout.sendSeconds", Report.round((sendEnd - firstSend) / 1e9, 3));
            figures.put("fanout.deliverySeconds", Report.round(span / 1e9, 3));
            figures.put("fanout.deliveriesPerSecond", Math.round(delivered * 1e9 / span));
            Report.flatten(figures, "fanout.latency.", latency.summaryMillis());
            figures.putAll(cpu.figures("fanout.", delivered));
            figures.put("closedByServer", traffic.closedByServerCount());
            if (!traffic.errorCounts().isEmpty()) {
                figures.put("errors", traffic.errorCounts());
            }
        }
        List<Check> checks = new ArrayList<>();
        checks.add(Check.atLeast("every broadcast delivered", "fanout.delivered", expected));
        return new ScenarioResult(figures, checks);
    }
}
