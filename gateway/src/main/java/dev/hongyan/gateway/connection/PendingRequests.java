package dev.hongyan.gateway.connection;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The requests one connection sent to its peer and still waits answers for, by id. Both wire protocols
 * (native and protoo) ask their clients things; this keeps the bookkeeping they share in one place: each
 * request has a timer that fails it, the timer goes away however the request ends, and a closing
 * connection fails whatever is left. Thread-safe: requests are opened from room or relay threads and
 * answered on the connection's executor.
 *
 * @param <T> the answer's type
 */
public final class PendingRequests<T> {

    private final ScheduledExecutorService scheduler;
    private final Map<Long, Pending<T>> pending = new ConcurrentHashMap<>();

    public PendingRequests(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Registers request {@code id} (sent, or about to be) under {@code signal}; it fails with
     * {@link ErrorCode#TIMEOUT} and {@code timeoutMessage} unless answered within {@code timeoutMillis}.
     */
    public CompletableFuture<T> open(long id, String signal, long timeoutMillis, String timeoutMessage) {
        Pending<T> request = new Pending<>(signal, new CompletableFuture<>());
        pending.put(id, request);
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            if (pending.remove(id, request)) {
                request.future().completeExceptionally(new CoreException(ErrorCode.TIMEOUT, timeoutMessage));
            }
        }, timeoutMillis, TimeUnit.MILLISECONDS);
        // However it ends (answer, failure, close), the timer has nothing left to do.
        request.future().whenComplete((answer, failure) -> timer.cancel(false));
        return request.future();
    }

    /** Removes request {@code id} and returns its future to complete; null when no such request waits. */
    public CompletableFuture<T> take(long id) {
        Pending<T> request = pending.remove(id);
        return request == null ? null : request.future();
    }

    /**
     * Like {@link #take(long)}, but only when the request was opened under {@code signal}: a message that
     * merely reuses one of our ids is not taken for the answer.
     */
    public CompletableFuture<T> take(long id, String signal) {
        Pending<T> request = pending.get(id);
        if (request == null || !request.signal().equals(signal) || !pending.remove(id, request)) {
            return null;
        }
        return request.future();
    }

    public boolean contains(long id) {
        return pending.containsKey(id);
    }

    public int size() {
        return pending.size();
    }

    /** Fails every request still waiting, as when the connection closes. */
    public void failAll(CoreException error) {
        for (Long id : pending.keySet()) {
            CompletableFuture<T> future = take(id);
            if (future != null) {
                future.completeExceptionally(error);
            }
        }
    }

    private record Pending<T>(String signal, CompletableFuture<T> future) {}
}
