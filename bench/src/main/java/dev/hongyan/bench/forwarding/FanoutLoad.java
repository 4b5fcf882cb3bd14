package dev.hongyan.bench.forwarding;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The options the forwarding and relay benchmarks share: which fan-outs to run, for how long, at what load, with
 * what packets, and where the JSON goes. Filled in while their command lines are parsed.
 */
final class FanoutLoad {
    static final String USAGE = "[--consumers 1,10,100,500] [--seconds 5] [--load 150000] [--rate PPS] [--size 1000] "
            + "[--json FILE]";

    List<Integer> consumerCounts = List.of(1, 10, 100, 500);
    double seconds = 5;
    /** Copies per second offered, spread over the producer's rate ({@link #producerRate}). */
    int load = 150_000;
    /** The producer's packets/s when given, instead of one derived from the load. */
    Integer rate;
    int packetSize = 1000;
    Path json;

    FanoutLoad(Path json) {
        this.json = json;
    }

    /**
     * Takes {@code args[i]} (and its value) when it is one of these options; returns the index of the last argument
     * used, or -1 when the option is not one of these.
     */
    int accept(String[] args, int i) {
        switch (args[i]) {
            case "--consumers" -> consumerCounts = parseList(args[i + 1]);
            case "--seconds" -> seconds = Double.parseDouble(args[i + 1]);
            case "--load" -> load = Integer.parseInt(args[i + 1]);
            case "--rate" -> rate = Integer.parseInt(args[i + 1]);
            case "--size" -> packetSize = Integer.parseInt(args[i + 1]);
            case "--json" -> json = Path.of(args[i + 1]);
            default -> {
                return -1;
            }
        }
        return i + 1;
    }

    /** The producer's packets/s at {@code n} consumers: the given rate, else load / n within 50 to 20,000. */
    int producerRate(int n) {
        return rate != null ? rate : (int) Math.max(50, Math.min(20_000, Math.ceil((double) load / n)));
    }

    private static List<Integer> parseList(String s) {
        List<Integer> out = new ArrayList<>();
        for (String part : s.split(",")) {
            out.add(Integer.parseInt(part.trim()));
        }
        return out;
    }
}
