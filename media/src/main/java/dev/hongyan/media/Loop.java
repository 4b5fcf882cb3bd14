package dev.hongyan.media;

import io.netty.channel.EventLoop;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The engine's event loop as the object model uses it: run an action there and hand back a future. */
final class Loop {
    private static final Logger log = LoggerFactory.getLogger(Loop.class);

    private final EventLoop loop;

    Loop(EventLoop loop) {
        this.loop = loop;
    }

    boolean inLoop() {
        return loop.inEventLoop();
    }

    EventLoop eventLoop() {
        return loop;
    }

    /** Runs {@code action} on the loop (at once when already there); its exception fails the future. */
    <T> CompletableFuture<T> call(Supplier<T> action) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Runnable task = () -> {
            try {
                result.complete(action.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        };
        if (loop.inEventLoop()) {
            task.run();
        } else {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new IllegalStateException("media engine closed", e));
            }
        }
        return result;
    }

    CompletableFuture<Void> run(Runnable action) {
        return call(() -> {
            action.run();
            return null;
        });
    }

    /** Fire-and-forget hop onto the loop, for callbacks arriving on other threads. */
    void execute(Runnable action) {
        if (loop.inEventLoop()) {
            action.run();
            return;
        }
        try {
            loop.execute(action);
        } catch (RejectedExecutionException e) {
            log.debug("media engine loop gone; dropping a task");
        }
    }
}
