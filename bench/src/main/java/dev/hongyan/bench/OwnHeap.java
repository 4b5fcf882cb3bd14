package dev.hongyan.bench;

/**
 * The load generator's own heap around a timed phase. A collection of this JVM inside a phase stops its
 * event loops: replies wait unread in the socket buffers and the pause is counted as the server's latency
 * (seen: 14–148 ms pauses inside 1-second room::enter phases). Collecting just before the phase starts it
 * with an empty young generation; with the fixed young generation {@code ./hongyan bench} gives this JVM,
 * a phase of a few seconds then ends before the next collection. Each phase still reports the pauses that
 * did fall inside it ({@link CpuMeter}).
 */
final class OwnHeap {

    private OwnHeap() {}

    /** A full collection of this JVM, outside the timed window it precedes. */
    static void collectBeforeTimedPhase() {
        System.gc();
    }
}
