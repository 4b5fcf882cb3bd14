package dev.hongyan.media.dtls;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One direction of a fake network: datagrams are delivered to the target transport on a single thread, the
 * way a socket's event loop would, and can be silenced to simulate a dead peer.
 */
final class InMemoryLink implements Consumer<byte[]>, AutoCloseable {
    private final ExecutorService eventLoop;
    private final AtomicInteger sent = new AtomicInteger();
    private volatile DtlsTransport target;
    private volatile boolean silent;
    private final AtomicInteger toDrop = new AtomicInteger();

    InMemoryLink(String name) {
        this.eventLoop = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    void connectTo(DtlsTransport transport) {
        this.target = transport;
    }

    void silence() {
        silent = true;
    }

    /** Loses the next {@code count} datagrams, as a lossy path would. */
    void dropNext(int count) {
        toDrop.set(count);
    }

    int sent() {
        return sent.get();
    }

    @Override
    public void accept(byte[] datagram) {
        sent.incrementAndGet();
        if (silent || toDrop.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return;
        }
        eventLoop.execute(() -> {
            DtlsTransport to = target;
            if (to != null) {
                to.receive(datagram, 0, datagram.length);
            }
        });
    }

    @Override
    public void close() {
        eventLoop.shutdownNow();
    }
}
