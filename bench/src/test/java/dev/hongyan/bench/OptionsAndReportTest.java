package dev.hongyan.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptionsAndReportTest {

    @Test
    void standaloneBenchmarksRunWithoutAServerAndReportTheirFailureByName() {
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        Bench bench = new Bench(new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8));
        assertThat(bench.run(new String[] {"jitter", "--bogus"})).as("the run failed").isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("bench: jitter failed", "unknown option --bogus");
        assertThat(bench.run(new String[] {"forwarding", "--sink", "nowhere"})).isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("bench: forwarding failed",
                "--sink must be drop or read");
        assertThat(bench.run(new String[] {"relay", "--consumrs", "10"})).isEqualTo(3);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains("bench: relay failed",
                "unknown option --consumrs");
        assertThat(bench.run(new String[] {"help"})).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("forwarding", "relay", "jitter");
    }

    @Test
    void optionsRecordEffectiveValuesAndRefuseUnknownOnes() {
        Options options = new Options(new String[] {"--clients", "20", "--hold-seconds=1", "--verbose"});
        assertThat(options.integer("clients", 1000, 1, 100)).isEqualTo(20);
        assertThat(options.integer("hold-seconds", 10, 0, 60)).isEqualTo(1);
        assertThat(options.string("url", "ws://x")).isEqualTo("ws://x");
        assertThat(options.effective()).containsEntry("clients", 20).containsEntry("url", "ws://x");
        assertThatThrownBy(options::requireAllUsed).hasMessageContaining("--verbose");
        assertThat(options.flag("verbose", false)).isTrue();
        options.requireAllUsed();
    }

    @Test
    void optionsCheckRangesAndTypes() {
        assertThatThrownBy(() -> new Options(new String[] {"--clients", "0"}).integer("clients", 1, 1, 10))
                .hasMessageContaining("[1, 10]");
        assertThatThrownBy(() -> new Options(new String[] {"--clients", "many"}).integer("clients", 1, 1, 10))
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> new Options(new String[] {"clients"})).hasMessageContaining("expected --option");
        assertThat(new Options(new String[] {"--clients", "15_000"}).integer("clients", 1, 1, 20_000)).isEqualTo(15_000);
    }

    @Test
    void targetsMustBeLoopback() {
        Target target = Target.of("ws://127.0.0.1:8888/websocket.signal", "");
        assertThat(target.metrics().toString()).isEqualTo("http://127.0.0.1:8888/metrics");
        assertThat(target.port()).isEqualTo(8888);
        assertThatThrownBy(() -> Target.of("ws://192.0.2.1:8888/websocket.signal", "")).hasMessageContaining("loopback");
        assertThatThrownBy(() -> Target.of("http://127.0.0.1:8888/", "")).hasMessageContaining("ws://");
    }

    @Test
    void sourceAddressesSpreadClientsAndRotatePerRun() {
        SourceAddresses plan = SourceAddresses.plan("127.0.0.2", 25_000, 10_000, 0);
        assertThat(plan.describe()).containsExactly("127.0.0.2", "127.0.0.3", "127.0.0.4");
        assertThat(plan.forClient(9_999).getHostAddress()).isEqualTo("127.0.0.2");
        assertThat(plan.forClient(10_000).getHostAddress()).isEqualTo("127.0.0.3");
        assertThat(SourceAddresses.plan("127.0.0.255", 1, 10, 1).describe()).containsExactly("127.0.1.0");
        assertThatThrownBy(() -> SourceAddresses.plan("10.0.0.1", 1, 10, 0)).hasMessageContaining("loopback");
    }

    @Test
    void prometheusTextIsParsedAndSummed() {
        String text = """
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 8388608.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 1.0E7
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 2.0E7
                hongyan_clients{type="WEB"} 3.0
                hongyan_clients{type="CAMERA"} 2.0
                hongyan_websocket_connections{endpoint="/websocket.signal"} 5.0
                process_resident_memory_bytes 1.32276224E8
                """;
        Map<String, Double> series = ServerProbe.parse(text);
        assertThat(ServerProbe.sum(series, "jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(18388608.0);
        assertThat(ServerProbe.sum(series, "hongyan_clients", null)).isEqualTo(5.0);
        assertThat(ServerProbe.sum(series, "hongyan_websocket_connections", "endpoint=\"/websocket.signal\"")).isEqualTo(5.0);
        assertThat(ServerProbe.sum(series, "process_resident_memory_bytes", null)).isEqualTo(1.32276224E8);
        assertThat(ServerProbe.sum(series, "hongyan_rooms", null)).isZero();
        assertThat(ServerProbe.usageOf(series)).as("no CPU or GC series").isEqualTo(new ServerProbe.Usage(-1, -1, -1));
    }

    @Test
    void cpuAndGcPausesAreReadFromOneScrape() {
        String text = """
                process_cpu_time_ns_total 2.5E9
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 21.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 2.08
                jvm_gc_pause_seconds_count{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 1.0
                jvm_gc_pause_seconds_sum{action="end of minor GC",cause="Metadata GC Threshold",gc="G1 Young Generation"} 0.065
                jvm_gc_pause_seconds_max{action="end of minor GC",cause="G1 Evacuation Pause",gc="G1 Young Generation"} 0.1
                """;
        ServerProbe.Usage usage = ServerProbe.usageOf(ServerProbe.parse(text));
        assertThat(usage.cpuSeconds()).isEqualTo(2.5);
        assertThat(usage.gcPauses()).isEqualTo(22.0);
        assertThat(usage.gcPauseSeconds()).isCloseTo(2.145, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(ServerProbe.ownGc().gcPauses()).as("this JVM's own collections").isNotNegative();
    }

    @Test
    void mediansTreatNeverAsWorseThanAnyNumber() {
        List<ScenarioResult> runs = List.of(run(10.0, 100L), run(30.0, null), run(20.0, 300L));
        Map<String, Object> medians = Report.medians(runs);
        assertThat(medians).containsEntry("latency", 20.0).containsEntry("backMs", 300.0).containsEntry("name", "x");
        Map<String, Object> mostlyNever = Report.medians(List.of(run(1.0, null), run(1.0, null), run(1.0, 5L)));
        assertThat(mostlyNever.get("backMs")).isNull();
    }

    @Test
    void checksAreJudgedOnMediansAndPrinted() {
        List<ScenarioResult> runs = List.of(run(10.0, 100L), run(30.0, 400L), run(20.0, 6000L));
        Report report = new Report("demo", runs);
        assertThat(report.verdicts()).extracting(v -> v.get("result")).containsExactly("PASS", "PASS");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        report.printTable(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String table = bytes.toString(StandardCharsets.UTF_8);
        assertThat(table).contains("run 3", "median", "latency <= 25", "PASS");
        assertThat(Report.medians(List.of(run(30.0, null))).get("backMs")).isNull();
        assertThat(new Report("demo", List.of(run(30.0, null))).allPass()).isFalse();
    }

    @Test
    void commandLineIsQuotedForTheShell() {
        assertThat(Bench.commandLine(new String[] {"rooms", "--room-password", "a b'c", "--rooms", "2"}))
                .isEqualTo("./hongyan bench rooms --room-password 'a b'\\''c' --rooms 2");
        assertThat(Arrays.asList(Bench.help().split("\n"))).anyMatch(l -> l.contains("connections"))
                .anyMatch(l -> l.contains("churn"));
    }

    private static ScenarioResult run(double latency, Long backMs) {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("name", "x");
        figures.put("latency", latency);
        figures.put("backMs", backMs);
        return new ScenarioResult(figures, List.of(Check.atMost("fast", "latency", 25),
                Check.atMost("back", "backMs", 5000)));
    }
}
