package dev.hongyan.bench.forwarding;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.lang.management.ThreadMXBean;

/**
 * What one measured thread (an engine's or a relay's event loop) and its JVM spent over a window: the thread's
 * CPU, the process's CPU (GC and compiler threads included) and the heap the thread allocated. Counters the JVM
 * cannot give read -1.
 */
final class CpuWindow {

    /** The counters' differences over a window (or their values at one moment). */
    record Spent(long threadCpuNanos, long processCpuNanos, long threadAllocatedBytes) {}

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    private final long threadId;
    private Spent atStart;

    CpuWindow(Thread measured) {
        threadId = measured.getId();
        atStart = now();
    }

    /** Milliseconds this JVM has spent compiling so far (its JIT settling tells a warm-up is over). */
    static long compilationMillis() {
        return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
    }

    void begin() {
        atStart = now();
    }

    /** What was spent since {@link #begin()}. */
    Spent end() {
        Spent now = now();
        return new Spent(now.threadCpuNanos() - atStart.threadCpuNanos(),
                since(now.processCpuNanos(), atStart.processCpuNanos()),
                since(now.threadAllocatedBytes(), atStart.threadAllocatedBytes()));
    }

    private Spent now() {
        return new Spent(threads.getThreadCpuTime(threadId),
                os instanceof com.sun.management.OperatingSystemMXBean hotspot ? hotspot.getProcessCpuTime() : -1,
                threads instanceof com.sun.management.ThreadMXBean hotspot ? hotspot.getThreadAllocatedBytes(threadId)
                        : -1);
    }

    private static long since(long now, long start) {
        return now < 0 ? -1 : now - start;
    }
}
