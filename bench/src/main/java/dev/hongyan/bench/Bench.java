package dev.hongyan.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code ./hongyan bench <scenario> [options]}: signaling load generators that speak only spec 001 over
 * WebSocket, so they load any server that speaks it. Prints a table on stdout, progress on stderr, and
 * writes the figures with the exact command, machine and parameters to a JSON file.
 */
public final class Bench {

    static final List<String> SCENARIOS = List.of("connections", "rooms", "fanout", "churn");

    /** A benchmark with a main of its own. */
    private interface Program {
        void main(String[] args) throws Exception;
    }

    /**
     * Benchmarks that need no server: the SFU forwarding benchmark drives its own media engine, the relay runs
     * its topology with a forwarder that does no work (the floor under it), the jitter probe measures what the
     * machine adds to any latency measured on it.
     */
    private static final Map<String, Program> STANDALONE = Map.of(
            "forwarding", dev.hongyan.bench.forwarding.ForwardingBench::main,
            "relay", dev.hongyan.bench.forwarding.RelayFloorBench::main,
            "jitter", dev.hongyan.bench.forwarding.SchedulingJitter::main);

    private final PrintStream out;
    private final PrintStream log;

    Bench(PrintStream out, PrintStream log) {
        this.out = out;
        this.log = log;
    }

    public static void main(String[] args) {
        int status = new Bench(System.out, System.err).run(args);
        System.exit(status);
    }

    /** 0: done and every check passed; 1: a check failed; 2: bad usage; 3: the run itself failed. */
    int run(String[] args) {
        if (args.length == 0 || Arrays.asList("help", "-h", "--help").contains(args[0])) {
            out.print(help());
            return args.length == 0 ? 2 : 0;
        }
        String name = args[0];
        Program standalone = STANDALONE.get(name);
        if (standalone != null) {
            try {
                standalone.main(Arrays.copyOfRange(args, 1, args.length));
                return 0;
            } catch (Exception e) {
                log.println("bench: " + name + " failed: " + e);
                return 3;
            }
        }
        if (!SCENARIOS.contains(name)) {
            log.println("bench: unknown scenario '" + name + "' (one of " + String.join(", ", SCENARIOS) + ")");
            return 2;
        }
        Options options;
        BenchSettings settings;
        Scenario scenario;
        int runs;
        int warmups;
        String outFile;
        try {
            options = new Options(Arrays.copyOfRange(args, 1, args.length));
            settings = BenchSettings.from(options);
            runs = options.integer("runs", 1, 1, 100);
            warmups = options.integer("warmup-runs", 0, 0, 100);
            outFile = options.string("out", "");
            scenario = switch (name) {
                case "connections" -> new ConnectionsScenario(settings, options, log);
                case "rooms" -> new RoomsScenario(settings, options, log);
                case "fanout" -> new FanoutScenario(settings, options, log);
                case "churn" -> new ChurnScenario(settings, options, log);
                default -> throw new IllegalStateException(name);
            };
            options.requireAllUsed();
        } catch (IllegalArgumentException e) {
            log.println("bench: " + e.getMessage());
            return 2;
        }

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("scenario", name);
        context.put("command", commandLine(args));
        context.put("jvmCommand", ProcessHandle.current().info().commandLine().orElse(""));
        context.put("startedAt", OffsetDateTime.now().toString());
        context.put("serverUrl", settings.target().webSocket().toString());
        context.put("metricsUrl", settings.target().metrics().toString());
        context.put("machine", MachineInfo.describe());
        context.put("loadAverageBefore", MachineInfo.loadAverage());
        context.put("parameters", options.effective());

        List<ScenarioResult> results = new ArrayList<>();
        List<Map<String, Object>> warmupFigures = new ArrayList<>();
        List<String> loads = new ArrayList<>();
        try {
            // Warm-up runs go through the same code in this JVM and the server's, so the measured runs
            // are not charged for JIT compilation; they are kept in the JSON, apart, not in the table.
            for (int run = 0; run < warmups + runs; run++) {
                boolean warmup = run < warmups;
                log.printf("bench: %s %s %d/%d (load %s)%n", name, warmup ? "warm-up run" : "run",
                        warmup ? run + 1 : run - warmups + 1, warmup ? warmups : runs, MachineInfo.loadAverage());
                ScenarioResult result = scenario.run(run);
                if (warmup) {
                    warmupFigures.add(result.figures());
                } else {
                    results.add(result);
                    loads.add(MachineInfo.loadAverage());
                }
            }
        } catch (Exception e) {
            log.println("bench: " + name + " failed: " + e);
            e.printStackTrace(log);
            if (results.isEmpty()) {
                return 3;
            }
        }
        context.put("loadAverageAfterEachRun", loads);
        context.put("warmupRuns", warmupFigures);
        context.put("finishedAt", OffsetDateTime.now().toString());

        Report report = new Report(name, results);
        report.printTable(out);
        Path file = Path.of(outFile.isBlank()
                ? "bench-results/" + name + "-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".json"
                : outFile);
        try {
            report.writeJson(file, context);
            out.println();
            out.println("load average: " + String.join(" | ", loads));
            out.println("results: " + file);
        } catch (java.io.IOException e) {
            log.println("bench: cannot write " + file + ": " + e.getMessage());
            return 3;
        }
        if (results.size() < runs) {
            return 3;
        }
        return report.allPass() ? 0 : 1;
    }

    static String commandLine(String[] args) {
        return "./hongyan bench " + Arrays.stream(args).map(Bench::shellQuote).collect(Collectors.joining(" "));
    }

    static String shellQuote(String arg) {
        if (!arg.isEmpty() && arg.matches("[A-Za-z0-9_./:=,@%+-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    static String help() {
        return """
                Usage: ./hongyan bench <scenario> [options]

                Signaling load generators for any server speaking spec 001 (native protocol) on this machine.
                Each run is bounded in count and time and stops by itself. Output: a table on stdout, progress
                on stderr, JSON in bench-results/. Exit status: 0 all checks pass, 1 a check failed, 2 usage,
                3 the run failed.

                Scenarios:
                """ + ConnectionsScenario.HELP + RoomsScenario.HELP + FanoutScenario.HELP + ChurnScenario.HELP
                + "\n  forwarding   the SFU: 1 producer -> N consumers over loopback ICE/DTLS/SRTP, the engine in a JVM\n"
                + "               on a CPU of its own (--consumers 1,10,100,500 --seconds 5 [--load 150000] [--rate PPS]\n"
                + "               [--size 1000] [--sink drop|read] [--engine process|inproc] [--engine-java-opts 'OPTS']\n"
                + "               [--json FILE])\n"
                + "  relay        the floor under forwarding: same topology and load, the engine replaced by a plain\n"
                + "               UDP relay on a CPU of its own (--consumers 1,10,100,500 --seconds 5 [--load 150000]\n"
                + "               [--rate PPS] [--size 1000] [--java-opts 'OPTS'] [--json FILE])\n"
                + "  jitter       how long this machine leaves a spinning thread on one CPU unscheduled (--seconds 20\n"
                + "               [--cpu 0]): the floor under any latency percentile measured here\n"
                + "\n" + BenchSettings.HELP + """

                Example (server and bench on one machine; the server's pid lets the bench force its GC):
                  HONGYAN_ACCOUNTS=bench:bench-pw:user HONGYAN_CLIENTS_PRESENCE_SCOPE=NONE \\
                    HONGYAN_LIMITS_MAX_CONNECTIONS=20000 ./hongyan &
                  ./hongyan bench connections --clients 15000 --server-pid $!
                """;
    }
}
