package dev.hongyan.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;

/**
 * Opens and registers clients with at most {@code concurrency} handshakes+registers in flight: an
 * unbounded burst would measure the kernel's SYN backlog rather than the server.
 */
final class Population {

    /**
     * What opening a population produced: {@code clients} the registered ones, {@code slots} the same by
     * position (null where client first+k failed).
     */
    record Outcome(List<BenchClient> clients, BenchClient[] slots, LatencyHistogram connect, LatencyHistogram register, int attempted,
            Map<String, Integer> failures, long elapsedNanos) {

        int registered() {
            return clients.size();
        }

        double registeredPerSecond() {
            return elapsedNanos == 0 ? 0 : registered() * 1e9 / elapsedNanos;
        }

        int failed() {
            return failures.values().stream().mapToInt(Integer::intValue).sum();
        }

        /** Flat figures under {@code prefix}: counts, rate, connect and register latency. */
        Map<String, Object> figures(String prefix) {
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put(prefix + "attempted", attempted);
            figures.put(prefix + "registered", registered());
            figures.put(prefix + "failed", failed());
            figures.put(prefix + "seconds", Math.round(elapsedNanos / 1e6) / 1e3);
            figures.put(prefix + "registeredPerSecond", Math.round(registeredPerSecond() * 10) / 10.0);
            Report.flatten(figures, prefix + "connectLatency.", connect.summaryMillis());
            Report.flatten(figures, prefix + "registerLatency.", register.summaryMillis());
            if (!failures.isEmpty()) {
                figures.put(prefix + "failures", failures);
            }
            return figures;
        }
    }

    private final Connector connector;
    private final Credentials credentials;
    private final String clientType;
    private final SourceAddresses sources;
    private final int concurrency;

    Population(Connector connector, Credentials credentials, String clientType, SourceAddresses sources,
            int concurrency) {
        this.connector = connector;
        this.credentials = credentials;
        this.clientType = clientType;
        this.sources = sources;
        this.concurrency = concurrency;
    }

    /**
     * Opens clients {@code first .. first+count-1}, named by {@code clientIds}; client i uses account
     * i mod n and source address i / perAddress. Returns when all are done or the deadline passes (the
     * ones still in flight then count as failures "deadline").
     */
    Outcome open(int first, int count, IntFunction<String> clientIds, Deadline deadline)
            throws InterruptedException {
        Semaphore permits = new Semaphore(concurrency);
        AtomicReferenceArray<BenchClient> opened = new AtomicReferenceArray<>(count);
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        LatencyHistogram connect = new LatencyHistogram();
        LatencyHistogram register = new LatencyHistogram();
        long start = System.nanoTime();
        AtomicLong lastDone = new AtomicLong(start);
        int started = 0;
        for (int k = 0; k < count; k++) {
            if (!permits.tryAcquire(deadline.remainingMillis(), TimeUnit.MILLISECONDS)) {
                break;
            }
            started++;
            int i = first + k;
            int slot = k;
            long t0 = System.nanoTime();
            connector.connect(clientIds.apply(i), sources.forClient(i))
                    .thenCompose(client -> {
                        long t1 = System.nanoTime();
                        connect.record(t1 - t0);
                        return client.register(credentials.forClient(i), clientType).thenApply(index -> {
                            register.record(System.nanoTime() - t1);
                            return client;
                        }).whenComplete((ok, failure) -> {
                            if (failure != null) {
                                client.abort();
                            }
                        });
                    })
                    .whenComplete((client, failure) -> {
                        if (failure == null) {
                            opened.set(slot, client);
                        } else {
                            failures.computeIfAbsent(reason(failure), r -> new AtomicInteger()).incrementAndGet();
                        }
                        lastDone.accumulateAndGet(System.nanoTime(), Math::max);
                        permits.release();
                    });
        }
        boolean allDone = permits.tryAcquire(concurrency, deadline.remainingMillis(), TimeUnit.MILLISECONDS);
        List<BenchClient> clients = new ArrayList<>(count);
        BenchClient[] slots = new BenchClient[count];
        for (int k = 0; k < count; k++) {
            slots[k] = opened.get(k);
            if (slots[k] != null) {
                clients.add(slots[k]);
            }
        }
        Map<String, Integer> failureCounts = new TreeMap<>();
        failures.forEach((reason, n) -> failureCounts.put(reason, n.get()));
        int missing = count - clients.size() - failureCounts.values().stream().mapToInt(Integer::intValue).sum();
        if (!allDone || missing > 0) {
            failureCounts.merge("deadline", Math.max(missing, 0), Integer::sum);
        }
        return new Outcome(clients, slots, connect, register, started, failureCounts,
                lastDone.get() - start);
    }

    /**
     * Registers one client and closes it, before the measured population: the server verifies a password
     * with PBKDF2 once and then remembers it, so the first register of a burst would otherwise have
     * {@code concurrency} slow hashes running at once and be charged to the register latency.
     */
    void warmUp(String clientId, Deadline deadline) throws InterruptedException {
        java.util.concurrent.CompletableFuture<BenchClient> done = connector.connect(clientId, sources.forClient(0))
                .thenCompose(client -> client.register(credentials.forClient(0), clientType)
                        .handle((index, failure) -> client));
        if (deadline.await(done) && !done.isCompletedExceptionally()) {
            done.join().close();
        }
    }

    static String reason(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (cause instanceof ServerError error) {
            return "server " + error.code();
        }
        String message = Objects.toString(cause.getMessage(), "");
        int cut = message.indexOf(':');
        return cause.getClass().getSimpleName() + (message.isEmpty() ? "" : ": "
                + (cut > 0 && cut < 60 ? message.substring(0, cut) : message.substring(0, Math.min(60, message.length()))));
    }
}
