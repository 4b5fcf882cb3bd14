package dev.hongyan.server.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Text frames sent to one event loop's channels from other threads (room actors, presence, relays).
 * A plain cross-thread writeAndFlush costs one queued task, one UTF-8 encoding and one write syscall per
 * receiver, and bounces the channel's pending-bytes counter between threads; a room broadcast to 50
 * members paid that 49 times. Here a fan-out costs one task per event loop: the loop encodes each
 * distinct text once into a complete frame (see {@link TextFrames}; receivers share the bytes), writes
 * it to every receiver, then flushes each channel once, so frames that queued up for the same peer
 * leave in one syscall. Order per sending thread is kept, and channels are flushed in the order they
 * were first written, so a letter posted first leaves first.
 */
final class Outbox implements Runnable {

    /** Letters handled per task, so one flood cannot hold the loop away from reads and timers. */
    static final int MAX_BATCH = 4096;

    private record Letter(NettyConnection connection, String text) {}

    private final Executor loop;
    private final Queue<Letter> letters = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /**
     * Loop-confined scratch: connections written in the current batch, flushed at its end. Each is
     * marked on the connection itself: a set sized for the largest batch ever seen would be cleared,
     * whole, after every batch.
     */
    private final List<NettyConnection> toFlush = new ArrayList<>();

    Outbox(Executor loop) {
        this.loop = loop;
    }

    /** Any thread but the loop's own. */
    void post(NettyConnection connection, String text) {
        letters.add(new Letter(connection, text));
        if (scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }

    /** On the loop: writes what is queued (up to {@link #MAX_BATCH}), then flushes each channel once. */
    @Override
    public void run() {
        // Cleared first: a letter posted from now on is either taken by this batch or schedules the next.
        scheduled.set(false);
        String lastText = null;
        ByteBuf lastFrame = null;
        try {
            Letter letter;
            for (int n = 0; n < MAX_BATCH && (letter = letters.poll()) != null; n++) {
                NettyConnection connection = letter.connection();
                Channel channel = connection.channel();
                if (!channel.isActive()) {
                    continue;
                }
                if (!connection.takesEncodedFrames()) {
                    // Just upgraded, the 101 not yet written: Netty's encoder makes the frame.
                    channel.write(new TextWebSocketFrame(letter.text()), channel.voidPromise());
                } else {
                    // A fan-out posts the same String instance (rendered once) to every receiver in a row.
                    if (letter.text() != lastText) {
                        if (lastFrame != null) {
                            lastFrame.release();
                        }
                        lastText = letter.text();
                        lastFrame = TextFrames.encode(channel.alloc(), lastText);
                    }
                    // Already a frame: the WebSocket encoder lets a ByteBuf pass untouched.
                    channel.write(lastFrame.retainedDuplicate(), channel.voidPromise());
                }
                if (connection.markForFlush()) {
                    toFlush.add(connection);
                }
            }
        } finally {
            if (lastFrame != null) {
                lastFrame.release();
            }
            for (NettyConnection connection : toFlush) {
                connection.flushMarked();
            }
            toFlush.clear();
        }
        if (!letters.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }
}
