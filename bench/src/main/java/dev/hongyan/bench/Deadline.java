package dev.hongyan.bench;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The time a scenario may still take; every wait in a scenario is bounded by it. */
record Deadline(long endNanos) {

    static Deadline in(long millis) {
        return new Deadline(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis));
    }

    long remainingMillis() {
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(endNanos - System.nanoTime()));
    }

    boolean expired() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** The earlier of this deadline and {@code millis} from now. */
    Deadline within(long millis) {
        long other = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        return new Deadline(other - endNanos < 0 ? other : endNanos);
    }

    /** Waits for {@code future} until the deadline; false when the time ran out. Failures are not thrown. */
    boolean await(CompletableFuture<?> future) throws InterruptedException {
        try {
            future.get(remainingMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    void sleep(long millis) throws InterruptedException {
        Thread.sleep(Math.min(millis, remainingMillis()));
    }

    void check(String phase) {
        if (expired()) {
            throw new IllegalStateException("time limit reached during " + phase + " (--max-seconds)");
        }
    }
}
