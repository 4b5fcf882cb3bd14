package dev.hongyan.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** The figures of one invocation: a plain table on stdout and a JSON file with everything to reproduce it. */
final class Report {

    private final String scenario;
    private final List<ScenarioResult> runs;
    private final Map<String, Object> medians;

    Report(String scenario, List<ScenarioResult> runs) {
        this.scenario = scenario;
        this.runs = List.copyOf(runs);
        this.medians = medians(runs);
    }

    Map<String, Object> medians() {
        return medians;
    }

    /** The checks of the last run, judged on the medians of all runs. */
    List<Map<String, Object>> verdicts() {
        List<Map<String, Object>> verdicts = new ArrayList<>();
        if (runs.isEmpty()) {
            return verdicts;
        }
        for (Check check : runs.get(runs.size() - 1).checks()) {
            Double measured = asDouble(medians.get(check.figure()));
            Map<String, Object> verdict = new LinkedHashMap<>();
            verdict.put("name", check.name());
            verdict.put("target", check.target());
            verdict.put("measured", measured == null || measured.isInfinite() || measured.isNaN() ? null : measured);
            verdict.put("result", check.passes(measured) ? "PASS" : "FAIL");
            verdicts.add(verdict);
        }
        return verdicts;
    }

    boolean allPass() {
        return verdicts().stream().allMatch(v -> "PASS".equals(v.get("result")));
    }

    void printTable(PrintStream out) {
        Set<String> keys = new LinkedHashSet<>();
        Set<String> nested = new LinkedHashSet<>();
        for (ScenarioResult run : runs) {
            run.figures().forEach((key, value) -> (value instanceof Map<?, ?> ? nested : keys).add(key));
        }
        keys.removeAll(nested);
        List<String> header = new ArrayList<>(List.of(scenario));
        for (int i = 0; i < runs.size(); i++) {
            header.add("run " + (i + 1));
        }
        if (runs.size() > 1) {
            header.add("median");
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (String key : keys) {
            List<String> row = new ArrayList<>(List.of(key));
            for (ScenarioResult run : runs) {
                row.add(cell(run.figures().getOrDefault(key, "")));
            }
            if (runs.size() > 1) {
                row.add(cell(medians.get(key)));
            }
            rows.add(row);
        }
        printRows(out, rows);
        // Counts by signal or error code: one line each (last run), so the table stays narrow.
        for (String key : nested) {
            out.println(key + " (run " + runs.size() + "): " + runs.get(runs.size() - 1).figures().get(key));
        }
        List<Map<String, Object>> verdicts = verdicts();
        if (!verdicts.isEmpty()) {
            out.println();
            List<List<String>> checkRows = new ArrayList<>();
            checkRows.add(List.of("check", "target", runs.size() > 1 ? "measured (median)" : "measured", "result"));
            for (Map<String, Object> v : verdicts) {
                checkRows.add(List.of(String.valueOf(v.get("name")), String.valueOf(v.get("target")),
                        cell(v.get("measured")), String.valueOf(v.get("result"))));
            }
            printRows(out, checkRows);
        }
    }

    void writeJson(Path file, Map<String, Object> context) throws IOException {
        Map<String, Object> document = new LinkedHashMap<>(context);
        List<Object> runFigures = new ArrayList<>();
        runs.forEach(run -> runFigures.add(run.figures()));
        document.put("runs", runFigures);
        document.put("median", medians);
        document.put("checks", verdicts());
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), document);
    }

    // ---- helpers shared by the scenarios ----

    /** Puts {@code nested}'s entries under {@code prefix}. */
    static void flatten(Map<String, Object> into, String prefix, Map<String, Object> nested) {
        nested.forEach((key, value) -> into.put(prefix + key, value));
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return String.format(java.util.Locale.ROOT, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }

    /**
     * Medians of numeric figures over the runs; a missing value (null: "never") sorts above every number,
     * so the median is null only when at least half the runs never got there. Other values are kept when
     * every run agrees, else listed.
     */
    static Map<String, Object> medians(List<ScenarioResult> runs) {
        Set<String> keys = new LinkedHashSet<>();
        runs.forEach(run -> keys.addAll(run.figures().keySet()));
        Map<String, Object> medians = new LinkedHashMap<>();
        for (String key : keys) {
            List<Object> values = new ArrayList<>();
            runs.forEach(run -> values.add(run.figures().get(key)));
            boolean numeric = values.stream().allMatch(v -> v == null || v instanceof Number);
            boolean anyNumber = values.stream().anyMatch(v -> v instanceof Number);
            if (numeric && anyNumber) {
                List<Double> doubles = values.stream()
                        .map(v -> v == null ? Double.POSITIVE_INFINITY : ((Number) v).doubleValue()).toList();
                double median = Percentiles.median(doubles);
                medians.put(key, Double.isInfinite(median) ? null : round(median, 3));
            } else if (values.stream().distinct().count() <= 1) {
                medians.put(key, values.get(0));
            } else {
                medians.put(key, values);
            }
        }
        return medians;
    }

    private static Double asDouble(Object value) {
        return value instanceof Number number ? number.doubleValue() : null;
    }

    private static String cell(Object value) {
        if (value == null) {
            return "never";
        }
        if (value instanceof Double || value instanceof Float) {
            return number(((Number) value).doubleValue());
        }
        return Objects.toString(value);
    }

    private static void printRows(PrintStream out, List<List<String>> rows) {
        int columns = rows.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (int r = 0; r < rows.size(); r++) {
            List<String> row = rows.get(r);
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String text = row.get(c);
                boolean right = c > 0 && !text.isEmpty() && (Character.isDigit(text.charAt(0)) || text.charAt(0) == '-');
                String padded = right ? " ".repeat(widths[c] - text.length()) + text
                        : text + " ".repeat(widths[c] - text.length());
                line.append(c == 0 ? "" : "  ").append(padded);
            }
            out.println(line.toString().stripTrailing());
            if (r == 0) {
                out.println("-".repeat(line.toString().stripTrailing().length()));
            }
        }
    }
}
