package dev.hongyan.bench;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Ends a population at the end of a run, bounded in time, so the next run starts from a quiet server. */
final class Teardown {

    private Teardown() {}

    /** Close frames for all, then waits (at most {@code millis}) for the connections to be gone. */
    static void closeAll(List<BenchClient> clients, long millis) throws InterruptedException {
        CompletableFuture<?>[] closed = new CompletableFuture<?>[clients.size()];
        for (int i = 0; i < clients.size(); i++) {
            BenchClient client = clients.get(i);
            CompletableFuture<Void> done = new CompletableFuture<>();
            client.channel().closeFuture().addListener(f -> done.complete(null));
            client.close();
            closed[i] = done;
        }
        Deadline.in(millis).await(CompletableFuture.allOf(closed));
        clients.forEach(BenchClient::abort);
    }
}
