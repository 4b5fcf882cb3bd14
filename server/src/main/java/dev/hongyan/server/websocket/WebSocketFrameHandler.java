package dev.hongyan.server.websocket;

import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.WebSocketSession;
import dev.hongyan.gateway.connection.WebSocketSession.Refusal;
import dev.hongyan.server.ServerSettings.Limits;
import dev.hongyan.server.metrics.ServerMetrics;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection after the upgrade: joins fragments into messages, applies the generic
 * limits, and calls the gateway's session. Runs on the channel's event loop only, so no locks.
 *
 * <p>Netty's decoder is set to accept frames up to a hard cap above {@code limits.maxFrameBytes}; a
 * message between the limit and the cap is refused here and the connection lives on. A frame beyond
 * the cap makes Netty close with 1009, because reading it whole would cost the memory the limit protects.
 */
final class WebSocketFrameHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(WebSocketFrameHandler.class);
    /** Refusals carry this many characters so a gateway can echo a request id. */
    private static final int PREFIX_CHARS = 256;

    private final NettyConnection connection;
    private final Mount mount;
    private final HandshakeRequest request;
    private final Limits limits;
    private final ServerMetrics metrics;
    private final ConnectionRegistry registry;
    private final TokenBucket bucket;

    private WebSocketSession session;
    private boolean closed;

    // The message being reassembled from continuation frames.
    private boolean inMessage;
    private boolean binaryMessage;
    private CompositeByteBuf assembled;
    private long assembledBytes;
    private String oversizedPrefix; // non-null once the message passed the limit; the rest is discarded

    WebSocketFrameHandler(NettyConnection connection, Mount mount, HandshakeRequest request, Limits limits,
            ServerMetrics metrics, ConnectionRegistry registry) {
        this.connection = connection;
        this.mount = mount;
        this.request = request;
        this.limits = limits;
        this.metrics = metrics;
        this.registry = registry;
        this.bucket = new TokenBucket(limits.messagesPerSecond(), limits.messageBurst(), System.nanoTime());
    }

    /** Called on the event loop right after the 101 response was queued. */
    void open() {
        registry.added(connection);
        mount.connections().incrementAndGet();
        metrics.opened();
        try {
            session = mount.endpoint().open(connection, request);
            if (session == null) {
                throw new IllegalStateException("endpoint " + mount.path() + " returned no session");
            }
        } catch (RuntimeException e) {
            log.warn("WebSocket endpoint {} failed to open {}", mount.path(), connection, e);
            connection.close(1011, "internal error");
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof TextWebSocketFrame frame) {
                startMessage(frame, false);
            } else if (msg instanceof BinaryWebSocketFrame frame) {
                startMessage(frame, true);
            } else if (msg instanceof ContinuationWebSocketFrame frame) {
                continueMessage(frame);
            } else if (msg instanceof PingWebSocketFrame ping) {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            } else if (msg instanceof CloseWebSocketFrame close) {
                connection.markClosed();
                // Echo the peer's close as RFC 6455 §5.5.1 asks, then drop the socket.
                ctx.writeAndFlush(close.retainedDuplicate()).addListener(ChannelFutureListener.CLOSE);
            }
            // Pong: nothing to do; it only proves the peer is alive, which the gateways judge by heartbeats.
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void startMessage(WebSocketFrame frame, boolean binary) {
        inMessage = true;
        binaryMessage = binary;
        assembledBytes = 0;
        oversizedPrefix = null;
        if (frame.isFinalFragment() && !binary) {
            // The common case: one frame, one message, no copy.
            assembledBytes = frame.content().readableBytes();
            if (assembledBytes > limits.maxFrameBytes()) {
                oversizedPrefix = prefix(frame.content());
            }
            finishText(frame.content());
            return;
        }
        append(frame);
        if (frame.isFinalFragment()) {
            finishMessage();
        }
    }

    private void continueMessage(ContinuationWebSocketFrame frame) {
        if (!inMessage) {
            return; // Netty's decoder already rejects this as a protocol violation
        }
        append(frame);
        if (frame.isFinalFragment()) {
            finishMessage();
        }
    }

    private void append(WebSocketFrame frame) {
        assembledBytes += frame.content().readableBytes();
        if (binaryMessage || oversizedPrefix != null) {
            return; // content is discarded
        }
        if (assembled == null) {
            assembled = frame.content().alloc().compositeBuffer(Integer.MAX_VALUE);
        }
        assembled.addComponent(true, frame.content().retain());
        if (assembledBytes > limits.maxFrameBytes()) {
            oversizedPrefix = prefix(assembled);
            releaseAssembled();
        }
    }

    private void finishMessage() {
        if (binaryMessage) {
            endMessage();
            // Every message costs a token, refused ones too, so a flood of bad messages is throttled like good ones.
            refuse(bucket.tryTake(System.nanoTime()) ? Refusal.BINARY_FRAME : Refusal.RATE_LIMITED, "");
            return;
        }
        ByteBuf content = assembled;
        try {
            finishText(content);
        } finally {
            releaseAssembled();
        }
    }

    /** {@code content} is null when the message was oversized and discarded. */
    private void finishText(ByteBuf content) {
        String refusedPrefix = oversizedPrefix;
        endMessage();
        if (!bucket.tryTake(System.nanoTime())) {
            refuse(Refusal.RATE_LIMITED, refusedPrefix != null ? refusedPrefix : prefix(content));
            return;
        }
        if (refusedPrefix != null) {
            refuse(Refusal.FRAME_TOO_LARGE, refusedPrefix);
            return;
        }
        String text = content == null ? "" : content.toString(StandardCharsets.UTF_8);
        if (session == null || !connection.isOpen()) {
            return; // open() failed, or we are closing: nothing may be answered any more (RFC 6455 §5.5.1)
        }
        try {
            session.onText(text);
        } catch (RuntimeException e) {
            log.warn("Session of {} on {} failed on a message", connection, mount.path(), e);
        }
    }

    private void refuse(Refusal refusal, String prefix) {
        metrics.refused(ServerMetrics.Refusal.valueOf(refusal.name()));
        if (session == null) {
            return;
        }
        try {
            session.onRefused(refusal, prefix);
        } catch (RuntimeException e) {
            log.warn("Session of {} on {} failed on a refusal", connection, mount.path(), e);
        }
    }

    private void endMessage() {
        inMessage = false;
        binaryMessage = false;
        oversizedPrefix = null;
    }

    private void releaseAssembled() {
        if (assembled != null) {
            assembled.release();
            assembled = null;
        }
    }

    /** The first characters of a message; decodes at most 4 bytes per character wanted. */
    static String prefix(ByteBuf content) {
        if (content == null) {
            return "";
        }
        int bytes = Math.min(content.readableBytes(), PREFIX_CHARS * 4);
        String text = content.toString(content.readerIndex(), bytes, StandardCharsets.UTF_8);
        if (text.length() <= PREFIX_CHARS) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(PREFIX_CHARS - 1)) ? PREFIX_CHARS - 1 : PREFIX_CHARS;
        return text.substring(0, end);
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        if (!ctx.channel().isWritable() && connection.isOpen()) {
            metrics.refused(ServerMetrics.Refusal.SLOW_READER);
            log.info("Closing {} on {}: slow reader (write buffer past {} bytes)", connection, mount.path(),
                    limits.writeBufferHighWaterBytes());
            connection.cut(1008, "slow reader");
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent) {
            // Keeps NATs and proxies from dropping a quiet connection; liveness is the gateways' heartbeat.
            ctx.writeAndFlush(new PingWebSocketFrame());
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAssembled();
        connection.markClosed();
        if (!closed) {
            closed = true;
            registry.removed(connection);
            registry.release();
            mount.connections().decrementAndGet();
            metrics.closed();
            if (session != null) {
                try {
                    session.onClosed();
                } catch (RuntimeException e) {
                    log.warn("Session of {} on {} failed on close", connection, mount.path(), e);
                }
            }
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("{} on {}: {}", connection, mount.path(), cause.toString());
        } else if (cause instanceof CorruptedWebSocketFrameException
                || (cause instanceof DecoderException && cause.getCause() instanceof CorruptedWebSocketFrameException)) {
            // The decoder already sent the close frame (1002, 1007 or 1009).
            log.debug("{} on {}: protocol violation: {}", connection, mount.path(), cause.toString());
        } else {
            log.warn("{} on {} failed", connection, mount.path(), cause);
        }
        connection.markClosed();
        ctx.close();
    }
}
