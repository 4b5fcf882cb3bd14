package dev.hongyan.bench.forwarding;

import java.util.Locale;

/**
 * What the machine itself adds to latency: one thread spins on {@code System.nanoTime()} on one CPU and counts
 * the gaps in which it did not run (interrupts, other tasks, and on a virtual machine the host taking the
 * virtual CPU away). A packet that arrives during such a gap waits for its end whatever the server does, so the
 * share of time spent more than 2 ms into a gap is a floor under the share of packets delayed more than 2 ms
 * through that CPU, at any load; at utilisation ρ the backlog behind each gap lasts about 1/(1-ρ) times longer.
 *
 * <pre>
 * ./hongyan bench jitter [--seconds 20] [--cpu 0]
 * </pre>
 */
public final class SchedulingJitter {
    /** Gap thresholds, nanoseconds. */
    private static final long[] LIMITS = {50_000, 100_000, 250_000, 500_000, 1_000_000, 2_000_000, 5_000_000,
            10_000_000};
    private static final long TARGET_NANOS = 2_000_000;

    record Result(double seconds, long[] gapsAbove, double lostShare, double beyondTargetShare, double maxMillis) {}

    public static void main(String[] args) throws Exception {
        double seconds = 20;
        String cpu = "0";
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seconds" -> seconds = Double.parseDouble(args[++i]);
                case "--cpu" -> cpu = args[++i];
                case "--help", "-h" -> {
                    System.out.println("usage: SchedulingJitter [--seconds 20] [--cpu 0]");
                    return;
                }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        ForwardingBench.pinThisProcess(cpu);
        Result r = measure(3, seconds);
        System.out.printf(Locale.ROOT, "CPU %s, %.0f s of spinning: gaps above 50 µs / 100 µs / 250 µs / 500 µs / 1 ms / "
                + "2 ms / 5 ms / 10 ms: %s%n", cpu, r.seconds(), java.util.Arrays.toString(r.gapsAbove()));
        System.out.printf(Locale.ROOT, "time lost in gaps: %.2f %%, longest gap %.1f ms; time more than 2 ms into a gap: "
                + "%.2f %% (a floor under the share of packets through this CPU delayed more than 2 ms)%n",
                r.lostShare() * 100, r.maxMillis(), r.beyondTargetShare() * 100);
    }

    /** Spins {@code warmupSeconds} (the loop gets compiled), then measures for {@code seconds}. */
    static Result measure(double warmupSeconds, double seconds) {
        long warm = System.nanoTime() + (long) (warmupSeconds * 1e9);
        while (System.nanoTime() < warm) {
            Thread.onSpinWait();
        }
        Gaps gaps = new Gaps();
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        long last = start;
        long now;
        do {
            now = System.nanoTime();
            gaps.add(now - last);
            last = now;
        } while (now < end);
        return gaps.over(now - start);
    }

    /** The gaps found while spinning, and what they add up to. */
    static final class Gaps {
        private final long[] above = new long[LIMITS.length];
        private long lost;
        private long beyond;
        private long max;

        /** One gap; those not above the smallest limit count as running. */
        void add(long gapNanos) {
            if (gapNanos <= LIMITS[0]) {
                return;
            }
            lost += gapNanos;
            max = Math.max(max, gapNanos);
            beyond += Math.max(0, gapNanos - TARGET_NANOS);
            for (int i = 0; i < LIMITS.length && gapNanos > LIMITS[i]; i++) {
                above[i]++;
            }
        }

        Result over(long totalNanos) {
            double total = totalNanos;
            return new Result(total / 1e9, above.clone(), lost / total, beyond / total, max / 1e6);
        }
    }

    private SchedulingJitter() {
    }
}
