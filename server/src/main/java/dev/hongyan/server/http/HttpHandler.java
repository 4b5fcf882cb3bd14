package dev.hongyan.server.http;

import dev.hongyan.gateway.connection.HttpRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.server.metrics.ServerMetrics;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves plain HTTP on one connection: routes each request, answers on the handler's completion, and
 * hands WebSocket upgrades to the {@link Upgrader}. One instance per channel.
 *
 * <p>Handlers complete asynchronously and possibly out of order, yet HTTP/1.1 pipelining requires
 * responses in request order; a queue of pending slots restores the order.
 */
public final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger log = LoggerFactory.getLogger(HttpHandler.class);
    /** Beyond this many unanswered requests the connection stops reading until answers go out. */
    private static final int MAX_PIPELINED = 16;

    private final RouteTable routes;
    private final Upgrader upgrader;
    private final ServerMetrics metrics;
    private final boolean trustProxyHeaders;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private ChannelHandlerContext ctx;

    /** One request awaiting its response; written only when every earlier one has been. */
    private static final class Pending {
        final HttpVersion version;
        final boolean keepAlive;
        final String method;
        final String routeTag;
        final long startNanos;
        FullHttpResponse response;

        Pending(HttpVersion version, boolean keepAlive, String method, String routeTag, long startNanos) {
            this.version = version;
            this.keepAlive = keepAlive;
            this.method = method;
            this.routeTag = routeTag;
            this.startNanos = startNanos;
        }
    }

    public HttpHandler(RouteTable routes, Upgrader upgrader, ServerMetrics metrics, boolean trustProxyHeaders) {
        this.routes = routes;
        this.upgrader = upgrader;
        this.metrics = metrics;
        this.trustProxyHeaders = trustProxyHeaders;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.decoderResult().isFailure()) {
            rejectMalformed(ctx, request);
            return;
        }
        String remoteIp = ClientIp.of(ctx.channel(), request.headers(), trustProxyHeaders);
        if (isWebSocketUpgrade(request)) {
            if (!pending.isEmpty()) {
                // Switching protocols while earlier answers are still owed would interleave them with frames.
                HttpResponses.sendAndClose(ctx, request.protocolVersion(),
                        HttpResponse.json(400, Json.error("upgrade while requests are pending")));
                return;
            }
            upgrader.upgrade(ctx, request, remoteIp);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String method = request.method().name();
        RouteMatch match = routes.find(method, uri.rawPath());
        String routeTag = match instanceof RouteMatch.Found found ? found.route().pathTemplate() : "none";
        Pending slot = new Pending(request.protocolVersion(), HttpUtil.isKeepAlive(request),
                match instanceof RouteMatch.Found ? method : "other", routeTag, System.nanoTime());
        pending.add(slot);
        if (pending.size() >= MAX_PIPELINED) {
            ctx.channel().config().setAutoRead(false);
        }
        if (match instanceof RouteMatch.Found found) {
            HttpRequest seamRequest = new HttpRequest(method, uri.path(), found.params(), uri.parameters(),
                    RequestHeaders.lowerCased(request.headers()), ByteBufUtil.getBytes(request.content()), remoteIp);
            dispatch(slot, found, seamRequest);
        } else if (match instanceof RouteMatch.MethodNotAllowed notAllowed) {
            HttpResponse response = new HttpResponse(405, "application/json; charset=utf-8",
                    Json.error("method not allowed").getBytes(StandardCharsets.UTF_8),
                    Map.of("Allow", String.join(", ", notAllowed.allowed())));
            complete(slot, response);
        } else {
            complete(slot, HttpResponse.json(404, Json.error("not found")));
        }
    }

    private void dispatch(Pending slot, RouteMatch.Found found, HttpRequest request) {
        CompletionStage<HttpResponse> stage;
        try {
            stage = found.route().handle(request);
        } catch (RuntimeException e) {
            complete(slot, failure(found, e));
            return;
        }
        if (stage == null) {
            complete(slot, failure(found, new IllegalStateException("handler returned no response")));
            return;
        }
        stage.whenComplete((response, error) -> {
            HttpResponse answer = error != null ? failure(found, error)
                    : response != null ? response : failure(found, new IllegalStateException("handler returned null"));
            if (ctx.executor().inEventLoop()) {
                complete(slot, answer);
            } else {
                ctx.executor().execute(() -> complete(slot, answer));
            }
        });
    }

    private static HttpResponse failure(RouteMatch.Found found, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        log.warn("HTTP route {} {} failed", found.route().method(), found.route().pathTemplate(), cause);
        String message = cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName();
        return HttpResponse.json(500, Json.error(message));
    }

    /** Runs on the event loop. */
    private void complete(Pending slot, HttpResponse response) {
        slot.response = HttpResponses.toNetty(slot.version, response);
        boolean wrote = false;
        while (!pending.isEmpty() && pending.peek().response != null) {
            Pending head = pending.poll();
            FullHttpResponse out = head.response;
            metrics.httpRequest(head.method, head.routeTag, out.status().code(), System.nanoTime() - head.startNanos);
            if (!head.keepAlive) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
                releaseAll();
                return;
            }
            if (head.version == HttpVersion.HTTP_1_0) {
                out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            }
            ctx.write(out);
            wrote = true;
        }
        if (wrote) {
            ctx.flush();
        }
        if (pending.size() < MAX_PIPELINED && !ctx.channel().config().isAutoRead()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    private void releaseAll() {
        for (Pending p : pending) {
            if (p.response != null) {
                p.response.release();
            }
        }
        pending.clear();
    }

    private void rejectMalformed(ChannelHandlerContext ctx, FullHttpRequest request) {
        Throwable cause = request.decoderResult().cause();
        int status = cause instanceof TooLongHttpLineException ? 414
                : cause instanceof TooLongHttpHeaderException ? 431
                : cause instanceof TooLongFrameException ? 413 : 400;
        log.debug("Malformed HTTP request from {}: {}", ctx.channel().remoteAddress(), String.valueOf(cause));
        metrics.httpRequest("other", "none", status, 0);
        HttpResponses.sendAndClose(ctx, HttpVersion.HTTP_1_1, HttpResponse.json(status, Json.error("malformed request")));
    }

    public static boolean isWebSocketUpgrade(FullHttpRequest request) {
        return request.method().equals(HttpMethod.GET)
                && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof IdleStateEvent && pending.isEmpty()) {
            ctx.close(); // an idle keep-alive connection only holds a file descriptor
            return;
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        releaseAll();
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("HTTP connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
