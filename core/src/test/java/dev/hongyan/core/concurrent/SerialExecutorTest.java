package dev.hongyan.core.concurrent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(4);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void runsTasksOneAtATimeInOrder() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        List<Integer> seen = new ArrayList<>(); // unsynchronized on purpose: the executor must make it safe
        AtomicInteger running = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1000);
        for (int i = 0; i < 1000; i++) {
            int n = i;
            serial.execute(() -> {
                if (running.incrementAndGet() > 1) {
                    overlaps.incrementAndGet();
                }
                seen.add(n);
                running.decrementAndGet();
                done.countDown();
            });
        }
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(overlaps).hasValue(0);
        assertThat(serial.submit(() -> seen.size()).get(10, TimeUnit.SECONDS)).isEqualTo(1000);
        for (int i = 0; i < 1000; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
    }

    @Test
    void aFailingTaskFailsItsFutureAndTheNextStillRuns() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        CompletableFuture<Object> failing = serial.submit(() -> {
            throw new IllegalStateException("boom");
        });
        serial.execute(() -> {
            throw new IllegalStateException("boom too");
        });
        assertThat(serial.submit(() -> "next").get(10, TimeUnit.SECONDS)).isEqualTo("next");
        try {
            failing.get(10, TimeUnit.SECONDS);
            throw new AssertionError("should have failed");
        } catch (ExecutionException e) {
            assertThat(e.getCause()).hasMessage("boom");
        }
    }

    @Test
    void submissionsFromManyThreadsAllRun() throws Exception {
        SerialExecutor serial = new SerialExecutor(pool);
        int[] counter = {0};
        List<CompletableFuture<?>> futures = new ArrayList<>();
        ExecutorService submitters = Executors.newFixedThreadPool(4);
        try {
            for (int t = 0; t < 4; t++) {
                futures.add(CompletableFuture.runAsync(() -> {
                    for (int i = 0; i < 500; i++) {
                        serial.execute(() -> counter[0]++);
                    }
                }, submitters));
            }
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(serial.submit(() -> counter[0]).get(10, TimeUnit.SECONDS)).isEqualTo(2000);
        } finally {
            submitters.shutdownNow();
        }
    }

    @Test
    void knowsWhenItIsRunningItsOwnTasks() throws Exception {
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            SerialExecutor serial = new SerialExecutor(pool);
            org.assertj.core.api.Assertions.assertThat(serial.inExecutor()).isFalse();
            org.assertj.core.api.Assertions.assertThat(serial.submit(serial::inExecutor).get(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
        }
    }
}
