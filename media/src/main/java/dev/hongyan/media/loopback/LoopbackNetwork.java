package dev.hongyan.media.loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The peers' side of the loopback: one thread reads every peer socket through a selector, and one
 * scheduler runs their ICE retries and consent checks. Sends go straight from the caller's thread to the
 * socket (no hand-off), so a benchmark's sender measures the engine, not a queue in front of it.
 */
public final class LoopbackNetwork implements AutoCloseable {
    private final Selector selector;
    private final Thread reader;
    private final ScheduledExecutorService timers;
    private final ConcurrentLinkedQueue<LoopbackPeer> pending = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Unread> unread = new ConcurrentLinkedQueue<>();

    private record Unread(LoopbackPeer peer, CompletableFuture<Void> done) {}
    private volatile boolean running = true;

    public LoopbackNetwork() throws IOException {
        selector = Selector.open();
        timers = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "loopback-peer-timer");
            t.setDaemon(true);
            return t;
        });
        reader = new Thread(this::readLoop, "loopback-peer-reader");
        reader.setDaemon(true);
        reader.start();
    }

    DatagramChannel bind() throws IOException {
        DatagramChannel ch = DatagramChannel.open();
        ch.setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1 << 20);
        ch.setOption(java.net.StandardSocketOptions.SO_SNDBUF, 1 << 20);
        ch.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        ch.configureBlocking(false);
        return ch;
    }

    void register(LoopbackPeer peer) {
        pending.add(peer);
        selector.wakeup();
    }

    /** The reader stops reading {@code peer}'s socket (see {@link LoopbackPeer#stopReading()}). */
    CompletableFuture<Void> stopReading(LoopbackPeer peer) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        unread.add(new Unread(peer, done));
        selector.wakeup();
        return done;
    }

    ScheduledExecutorService timers() {
        return timers;
    }

    private void readLoop() {
        ByteBuffer buffer = ByteBuffer.allocateDirect(2048);
        byte[] bytes = new byte[2048];
        try {
            while (running) {
                selector.select(100);
                LoopbackPeer p;
                while ((p = pending.poll()) != null) {
                    try {
                        p.channel().register(selector, SelectionKey.OP_READ, p);
                    } catch (IOException e) {
                        // closed before registration
                    }
                }
                Unread u;
                while ((u = unread.poll()) != null) {
                    SelectionKey registered = u.peer().channel().keyFor(selector);
                    if (registered != null) {
                        registered.cancel();
                    }
                    try {
                        // The smallest buffer the kernel allows: hundreds of unread sockets holding a full
                        // megabyte each would pin their datagrams' memory and push UDP into memory pressure.
                        u.peer().channel().setOption(java.net.StandardSocketOptions.SO_RCVBUF, 1);
                    } catch (IOException e) {
                        // closed meanwhile: nothing to drop
                    }
                    u.done().complete(null);
                }
                for (SelectionKey key : selector.selectedKeys()) {
                    LoopbackPeer peer = (LoopbackPeer) key.attachment();
                    DatagramChannel ch = (DatagramChannel) key.channel();
                    for (int i = 0; i < 64; i++) {
                        buffer.clear();
                        Object from;
                        try {
                            from = ch.receive(buffer);
                        } catch (IOException e) {
                            break;
                        }
                        if (from == null) {
                            break;
                        }
                        buffer.flip();
                        int len = buffer.remaining();
                        long now = System.nanoTime();
                        buffer.get(bytes, 0, len);
                        peer.onDatagram(bytes, len, now);
                    }
                }
                selector.selectedKeys().clear();
            }
        } catch (IOException | ClosedSelectorException e) {
            // closing
        }
    }

    @Override
    public void close() {
        running = false;
        timers.shutdownNow();
        try {
            reader.join(1000);
            selector.close();
        } catch (InterruptedException | IOException e) {
            Thread.currentThread().interrupt();
        }
    }
}
