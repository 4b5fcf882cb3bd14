package dev.hongyan.bench;

import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A terminal's message ids as spec 001 builds them: {@code ddHHmmss} + the 5-digit index the server
 * answered to client::register + a 3-digit counter. Before register the index is unknown, so the
 * register request uses index 0; servers answer with whatever id they were sent.
 */
final class MessageIds {

    private final AtomicInteger counter = new AtomicInteger();
    private volatile int index;

    void index(int index) {
        if (index < 0 || index > 99_999) {
            throw new IllegalArgumentException("client index out of range: " + index);
        }
        this.index = index;
    }

    long next() {
        return compose(LocalDateTime.now(), index, Math.floorMod(counter.getAndIncrement(), 1000));
    }

    static long compose(LocalDateTime time, int index, int sequence) {
        long prefix = time.getDayOfMonth() * 1_000_000L + time.getHour() * 10_000L + time.getMinute() * 100L
                + time.getSecond();
        return prefix * 100_000_000L + index * 1_000L + sequence;
    }
}
