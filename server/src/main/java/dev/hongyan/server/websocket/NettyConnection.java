package dev.hongyan.server.websocket;

import dev.hongyan.gateway.connection.Connection;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** A WebSocket channel as the gateways see it. */
final class NettyConnection implements Connection {

    /** After sending a close frame, how long the frame gets to leave before the socket is closed anyway. */
    private static final long CLOSE_FLUSH_MILLIS = 1000;
    /** RFC 6455 §5.5: a control frame's payload is at most 125 bytes, 2 of them the status code. */
    private static final int MAX_REASON_BYTES = 123;

    private final String id;
    private final String remoteIp;
    private final Channel channel;
    private final Outbox outbox;
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Loop-confined: written by the Outbox in its current batch and not flushed yet. */
    private boolean awaitingFlush;
    /**
     * Loop-confined: the 101 has been written and Netty has taken the HTTP codec out of the pipeline.
     * Until then a ready-made frame (a plain ByteBuf) would meet the HTTP encoder, which refuses it.
     */
    private boolean httpCodecGone;

    NettyConnection(String id, String remoteIp, Channel channel, Outbox outbox) {
        this.id = id;
        this.remoteIp = remoteIp;
        this.channel = channel;
        this.outbox = outbox;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteIp() {
        return remoteIp;
    }

    @Override
    public boolean sendText(String text) {
        if (closing.get() || !channel.isActive()) {
            return false;
        }
        if (channel.eventLoop().inEventLoop()) {
            channel.writeAndFlush(new TextWebSocketFrame(text), channel.voidPromise());
        } else {
            // Fan-outs come from other threads: batched per event loop (see Outbox). The loop writes them
            // within one task, so a flood still reaches the high-water mark and the slow-reader cut.
            outbox.post(this, text);
        }
        return true;
    }

    @Override
    public void close(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        CloseWebSocketFrame frame = new CloseWebSocketFrame(validCode(code), truncate(reason));
        channel.writeAndFlush(frame).addListener((ChannelFutureListener) NettyConnection::finishClosing);
        // A peer that does not read (or never answers our close) would keep the socket half-open forever.
        ScheduledFuture<?> giveUp = channel.eventLoop().schedule(() -> {
            channel.close();
        }, CLOSE_FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(closed -> giveUp.cancel(false));
    }

    /**
     * After our close frame: half-close (FIN) and keep reading until the peer answers with its close frame
     * and its FIN (or the timer above gives up). Closing at once would make the kernel answer anything the
     * peer sent meanwhile, still unread, with a reset, and a reset makes the peer's TCP discard our close
     * frame before its WebSocket reads it: the peer would see 1006 instead of our code (RFC 6455 §7.1.1 asks
     * the server to close first, but after the closing handshake).
     */
    private static void finishClosing(ChannelFuture written) {
        Channel channel = written.channel();
        if (written.isSuccess() && channel instanceof DuplexChannel duplex && channel.isActive()) {
            duplex.shutdownOutput();
        } else {
            channel.close();
        }
    }

    /** Cuts a peer whose write buffer passed the high-water mark: nothing queued will ever reach it in time. */
    void cut(int code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        channel.writeAndFlush(new CloseWebSocketFrame(validCode(code), truncate(reason)), channel.voidPromise());
        channel.close();
    }

    /** The peer or the network closed first. */
    void markClosed() {
        closing.set(true);
    }

    @Override
    public boolean isOpen() {
        return !closing.get() && channel.isActive();
    }

    @Override
    public Executor executor() {
        return channel.eventLoop();
    }

    Channel channel() {
        return channel;
    }

    /** On the loop, once the handshake's 101 is written (Netty removes the HTTP codec just before). */
    void handshakeDone() {
        httpCodecGone = true;
    }

    /** On the loop: whether a ready-made frame may be written (see {@link TextFrames}). */
    boolean takesEncodedFrames() {
        return httpCodecGone;
    }

    /** On the loop, by the Outbox: true the first time in a batch, when the caller must flush it later. */
    boolean markForFlush() {
        if (awaitingFlush) {
            return false;
        }
        awaitingFlush = true;
        return true;
    }

    /** On the loop, by the Outbox at the end of its batch. */
    void flushMarked() {
        awaitingFlush = false;
        channel.flush();
    }

    @Override
    public String toString() {
        return "Connection[" + id + " " + remoteIp + "]";
    }

    private static int validCode(int code) {
        // 1005, 1006 and 1015 may not appear on the wire; a gateway bug should not throw from close().
        return WebSocketCloseStatus.isValidStatusCode(code) ? code : WebSocketCloseStatus.NORMAL_CLOSURE.code();
    }

    static String truncate(String reason) {
        if (reason == null) {
            return "";
        }
        // One pass over whole code points, so a long reason costs no more than its length and no pair is split.
        int bytes = 0;
        int end = 0;
        while (end < reason.length()) {
            int codePoint = reason.codePointAt(end);
            bytes += codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes > MAX_REASON_BYTES) {
                return reason.substring(0, end);
            }
            end += Character.charCount(codePoint);
        }
        return reason;
    }
}
