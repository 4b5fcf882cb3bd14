package dev.hongyan.core.media;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: a room's actor. Rooms are many and
 * mostly idle, so each gets a queue rather than a thread. A task that throws is logged and does not stop
 * the queue.
 */
final class SerialExecutor implements Executor {

    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    private final Executor pool;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean scheduled;
    // The thread draining the queue right now, so code can assert it runs inside the actor.
    private volatile Thread owner;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (scheduled) {
                return;
            }
            scheduled = true;
        }
        pool.execute(this::drain);
    }

    boolean inExecutor() {
        return owner == Thread.currentThread();
    }

    private void drain() {
        owner = Thread.currentThread();
        try {
            // Bounded batch so one busy room cannot monopolise a pool thread.
            for (int i = 0; i < 64; i++) {
                Runnable task;
                synchronized (tasks) {
                    task = tasks.poll();
                    if (task == null) {
                        scheduled = false;
                        return;
                    }
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    log.error("room task failed", e);
                }
            }
        } finally {
            owner = null;
        }
        pool.execute(this::drain);
    }
}
