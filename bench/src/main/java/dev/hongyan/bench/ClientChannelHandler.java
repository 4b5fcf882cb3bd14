package dev.hongyan.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/** The last handler of a bench connection: handshake outcome, then frames to the {@link BenchClient}. */
final class ClientChannelHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final ObjectMapper mapper;
    private final CompletableFuture<BenchClient> handshake;
    private final BenchClient client;

    ClientChannelHandler(ObjectMapper mapper, BenchClient client, CompletableFuture<BenchClient> handshake) {
        this.mapper = mapper;
        this.client = client;
        this.handshake = handshake;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            handshake.complete(client);
        } else if (event == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            handshake.completeExceptionally(new IOException("WebSocket handshake timed out"));
            ctx.close();
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) throws Exception {
        if (frame instanceof TextWebSocketFrame text) {
            Messages.Slice slice = Messages.Slice.of(text.content());
            long sent = Messages.sentNanos(slice.bytes(), slice.from(), slice.end());
            if (sent >= 0) {
                client.receivedDelivery(sent);
                return;
            }
            Messages.Header header = Messages.header(slice.bytes(), slice.from(), slice.end());
            if (header != null && client.isNotification(header)) {
                client.receivedNotification(header.signal());
                return;
            }
            JsonNode message = mapper.readTree(slice.bytes(), slice.from(), slice.end() - slice.from());
            client.received(message);
        } else if (frame instanceof PingWebSocketFrame ping) {
            ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame close) {
            client.closeReceived();
            ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), "")).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        handshake.completeExceptionally(new IOException("connection closed before the WebSocket handshake completed"));
        client.closed();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Resets while aborting on purpose, or the server cutting us: the close path reports what matters.
        handshake.completeExceptionally(cause);
        ctx.close();
    }
}
