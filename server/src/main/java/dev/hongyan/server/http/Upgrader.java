package dev.hongyan.server.http;

import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;

/** Takes over a request that asks for a WebSocket upgrade. Keeps the HTTP layer ignorant of WebSocket. */
@FunctionalInterface
public interface Upgrader {

    /**
     * Answers the upgrade request on the event loop: either completes the handshake and replaces the
     * HTTP handler in the pipeline, or writes a rejection. The request is released by the caller afterwards.
     */
    void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String remoteIp);
}
