package dev.hongyan.core.concurrent;

import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs its tasks one at a time, in submission order, on a shared pool: an actor's mailbox. Thousands
 * of rooms can each own one without owning a thread. Each task sees every write of the tasks before
 * it (the hand-over goes through {@code scheduled}), so state confined to one SerialExecutor needs no
 * locks.
 */
public final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    /** Tasks run per turn before the pool thread is handed back, so one busy actor cannot starve the rest. */
    private static final int TASKS_PER_TURN = 64;

    private final Executor pool;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    // The thread draining the queue right now, so code can check it runs inside the actor.
    private volatile Thread owner;

    public SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
        schedule();
    }

    /**
     * Runs {@code action} on this executor and completes with its result; a thrown exception fails
     * the future instead of escaping into the pool.
     */
    public <T> CompletableFuture<T> submit(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                pool.execute(this::drain);
            } catch (RejectedExecutionException e) {
                // The pool is shutting down: nothing will run these tasks, and nobody may wait on them forever.
                scheduled.set(false);
                throw e;
            }
        }
    }

    /** True on the thread currently running this executor's tasks. */
    public boolean inExecutor() {
        return owner == Thread.currentThread();
    }

    private void drain() {
        owner = Thread.currentThread();
        try {
            for (int i = 0; i < TASKS_PER_TURN; i++) {
                Runnable task = tasks.poll();
                if (task == null) {
                    break;
                }
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.error("serial task failed", e);
                }
            }
        } finally {
            owner = null;
            scheduled.set(false);
            if (!tasks.isEmpty()) {
                schedule();
            }
        }
    }
}
