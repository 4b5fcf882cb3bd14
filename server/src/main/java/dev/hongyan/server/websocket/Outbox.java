package dev.hongyan.server.websocket;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.internal.PlatformDependent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Text frames sent to one event loop's channels from other threads (room actors, presence, relays).
 * A plain cross-thread writeAndFlush costs one queued task, one UTF-8 encoding and one write syscall per
 * receiver, and bounces the channel's pending-bytes counter between threads; a room broadcast to 50
 * members paid that 49 times. Here a fan-out costs one task per event loop: the loop encodes each
 * distinct text once (receivers share the bytes), writes every frame, then flushes each channel once, so
 * frames that queued up for the same peer leave in one syscall. Order per sending thread is kept.
 */
final class Outbox implements Runnable {

    /** Letters handled per task, so one flood cannot hold the loop away from reads and timers. */
    static final int MAX_BATCH = 4096;

    private record Letter(Channel channel, String text) {}

    private final Executor loop;
    private final Queue<Letter> letters = PlatformDependent.newMpscQueue();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    /** Loop-confined scratch: channels written in the current batch, flushed at its end. */
    private final Set<Channel> written = Collections.newSetFromMap(new IdentityHashMap<>());
    private final List<Channel> flushOrder = new ArrayList<>();

    Outbox(Executor loop) {
        this.loop = loop;
    }

    /** Any thread but the loop's own. */
    void post(Channel channel, String text) {
        letters.add(new Letter(channel, text));
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
        ByteBuf lastBytes = null;
        try {
            Letter letter;
            for (int n = 0; n < MAX_BATCH && (letter = letters.poll()) != null; n++) {
                Channel channel = letter.channel();
                if (!channel.isActive()) {
                    continue;
                }
                // A fan-out posts the same String instance (rendered once) to every receiver in a row.
                if (letter.text() != lastText) {
                    if (lastBytes != null) {
                        lastBytes.release();
                    }
                    lastText = letter.text();
                    lastBytes = ByteBufUtil.writeUtf8(channel.alloc(), lastText);
                }
                channel.write(new TextWebSocketFrame(lastBytes.retainedDuplicate()), channel.voidPromise());
                if (written.add(channel)) {
                    flushOrder.add(channel);
                }
            }
        } finally {
            if (lastBytes != null) {
                lastBytes.release();
            }
            for (Channel channel : flushOrder) {
                channel.flush();
            }
            flushOrder.clear();
            written.clear();
        }
        if (!letters.isEmpty() && scheduled.compareAndSet(false, true)) {
            loop.execute(this);
        }
    }
}
