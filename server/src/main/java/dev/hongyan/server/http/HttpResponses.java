package dev.hongyan.server.http;

import dev.hongyan.gateway.connection.HttpResponse;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.Map;

/** Turns the seam's {@link HttpResponse} into Netty's, and writes the server's own error replies. */
public final class HttpResponses {

    private HttpResponses() {}

    static FullHttpResponse toNetty(HttpVersion version, HttpResponse response) {
        byte[] body = response.body() == null ? new byte[0] : response.body();
        FullHttpResponse out = new DefaultFullHttpResponse(version, HttpResponseStatus.valueOf(response.status()),
                Unpooled.wrappedBuffer(body));
        for (Map.Entry<String, String> header : response.headers().entrySet()) {
            out.headers().set(header.getKey(), header.getValue());
        }
        if (response.contentType() != null && !response.contentType().isEmpty()) {
            out.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        }
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return out;
    }

    /** Writes a reply and closes the connection: used when the request cannot be trusted to leave the stream in sync. */
    public static void sendAndClose(ChannelHandlerContext ctx, HttpVersion version, HttpResponse response) {
        FullHttpResponse out = toNetty(version, response);
        out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
    }
}
