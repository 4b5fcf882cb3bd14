package dev.hongyan.core.concurrent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose time moves only when the test moves it: {@link #advance} runs each task that falls
 * due, in due order, on the calling thread. A test can then tell "the timer has not fired yet" from "it
 * fired and did nothing" without sleeping. A cancelled task never runs; after a shutdown nothing is
 * scheduled and nothing pending runs, as when a server stops.
 */
public final class ManualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long nowNanos;
    private long sequence;
    private boolean shutdown;

    /** Moves time on by {@code duration}, running every task due by then (those they schedule included). */
    public void advance(Duration duration) {
        long until;
        synchronized (this) {
            until = nowNanos + duration.toNanos();
        }
        while (true) {
            Task<?> task;
            synchronized (this) {
                task = queue.peek();
                if (task == null || task.due > until) {
                    nowNanos = until;
                    return;
                }
                queue.poll();
                nowNanos = task.due;
            }
            // Outside the lock: a task may schedule, or cancel, from here or from another thread.
            task.run();
        }
    }

    /** Runs what is due now. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Tasks scheduled and neither run (once, for a one-shot task) nor cancelled. */
    public synchronized int pending() {
        return queue.size();
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return enqueue(new Task<>(Executors.callable(command), delay(delay, unit), 0));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return enqueue(new Task<>(callable, delay(delay, unit), 0));
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        return periodic(command, initialDelay, period, unit);
    }

    /** The same as a fixed rate here: a task takes no time on this clock. */
    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        return periodic(command, initialDelay, delay, unit);
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
        queue.clear();
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> never = new ArrayList<>(queue);
        queue.clear();
        return never;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return isTerminated();
    }

    private ScheduledFuture<?> periodic(Runnable command, long initialDelay, long period, TimeUnit unit) {
        if (period <= 0) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        return enqueue(new Task<>(Executors.callable(command), delay(initialDelay, unit), unit.toNanos(period)));
    }

    private synchronized long delay(long delay, TimeUnit unit) {
        return nowNanos + Math.max(0, unit.toNanos(delay));
    }

    private synchronized <V> Task<V> enqueue(Task<V> task) {
        if (shutdown) {
            throw new RejectedExecutionException("scheduler shut down");
        }
        task.sequence = sequence++;
        queue.add(task);
        return task;
    }

    private synchronized void requeue(Task<?> task) {
        if (!shutdown && !task.isCancelled()) {
            queue.add(task);
        }
    }

    private synchronized void dequeue(Task<?> task) {
        queue.remove(task);
    }

    private synchronized long now() {
        return nowNanos;
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {

        private long due;
        private final long periodNanos;
        private long sequence; // ties broken in scheduling order

        Task(Callable<V> callable, long due, long periodNanos) {
            super(callable);
            this.due = due;
            this.periodNanos = periodNanos;
        }

        @Override
        public void run() {
            if (periodNanos == 0) {
                super.run();
            } else if (runAndReset()) {
                due += periodNanos;
                requeue(this);
            }
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            boolean cancelled = super.cancel(mayInterruptIfRunning);
            if (cancelled) {
                dequeue(this);
            }
            return cancelled;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(due - now(), TimeUnit.NANOSECONDS);
        }

        @Override
        public int compareTo(Delayed other) {
            if (other instanceof Task<?> task) {
                int byDue = Long.compare(due, task.due);
                return byDue != 0 ? byDue : Long.compare(sequence, task.sequence);
            }
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }
    }
}
