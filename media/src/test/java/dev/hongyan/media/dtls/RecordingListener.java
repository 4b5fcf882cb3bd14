package dev.hongyan.media.dtls;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Captures what a DtlsTransport reports, for assertions from the test thread. */
final class RecordingListener implements DtlsListener {
    final CompletableFuture<SrtpKeyMaterial> connected = new CompletableFuture<>();
    final CompletableFuture<String> failed = new CompletableFuture<>();
    final CompletableFuture<Void> closed = new CompletableFuture<>();
    final BlockingQueue<byte[]> data = new LinkedBlockingQueue<>();
    final AtomicInteger terminalEvents = new AtomicInteger();

    @Override
    public void onConnected(SrtpKeyMaterial keys) {
        connected.complete(keys);
    }

    @Override
    public void onFailed(String reason) {
        terminalEvents.incrementAndGet();
        failed.complete(reason);
    }

    @Override
    public void onClosed() {
        terminalEvents.incrementAndGet();
        closed.complete(null);
    }

    @Override
    public void onApplicationData(byte[] record) {
        data.add(record);
    }

    SrtpKeyMaterial awaitConnected() throws Exception {
        return connected.get(10, TimeUnit.SECONDS);
    }

    String awaitFailed() throws Exception {
        return failed.get(10, TimeUnit.SECONDS);
    }

    void awaitClosed() throws Exception {
        closed.get(10, TimeUnit.SECONDS);
    }
}
