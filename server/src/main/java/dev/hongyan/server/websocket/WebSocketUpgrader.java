package dev.hongyan.server.websocket;

import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.HttpResponse;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.server.ServerSettings.Limits;
import dev.hongyan.server.http.HttpResponses;
import dev.hongyan.server.http.RequestHeaders;
import dev.hongyan.server.http.Upgrader;
import dev.hongyan.server.metrics.ServerMetrics;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketDecoderConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns an upgrade request into a WebSocket connection of the right gateway: picks the endpoint,
 * checks the subprotocol, the connection limit and the gateway's own handshake verdict, then
 * switches the pipeline from HTTP to frames.
 */
public final class WebSocketUpgrader implements Upgrader {

    private static final Logger log = LoggerFactory.getLogger(WebSocketUpgrader.class);
    /** A frame this many times the message limit is still read and refused politely; beyond it Netty closes with 1009. */
    static final int HARD_CAP_FACTOR = 4;
    /**
     * Seconds without anything read after which a ping goes out (keeps NATs and proxies from dropping
     * quiet peers; the pong is traffic both ways). Reader idleness, not writer idleness: Netty's writer
     * idle check puts a listener and a fresh promise on every frame written, which a fan-out pays per
     * receiver, while the reader check is one timestamp per read batch.
     */
    static final int PING_AFTER_SECONDS = 30;

    private final EndpointRouter router;
    private final ConnectionRegistry registry;
    private final Limits limits;
    private final ServerMetrics metrics;
    private final WebSocketDecoderConfig decoderConfig;
    private final Outboxes outboxes = new Outboxes();

    public WebSocketUpgrader(List<WebSocketEndpoint> endpoints, ConnectionRegistry registry, Limits limits,
            ServerMetrics metrics) {
        this.router = new EndpointRouter(endpoints, metrics);
        this.registry = registry;
        this.limits = limits;
        this.metrics = metrics;
        this.decoderConfig = WebSocketDecoderConfig.newBuilder()
                .maxFramePayloadLength(hardCap(limits.maxFrameBytes()))
                .allowExtensions(false)
                .closeOnProtocolViolation(true)
                .build();
    }

    static int hardCap(int maxFrameBytes) {
        return (int) Math.min(Integer.MAX_VALUE - 8, (long) maxFrameBytes * HARD_CAP_FACTOR);
    }

    /** Calls every endpoint's shutdown(), so gateways can tell their peers in their own words. */
    public void shutdownEndpoints() {
        for (Mount mount : router.all()) {
            try {
                mount.endpoint().shutdown();
            } catch (RuntimeException e) {
                log.warn("WebSocket endpoint {} failed to shut down", mount.path(), e);
            }
        }
    }

    @Override
    public void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, String remoteIp) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        Mount mount = router.select(path);
        if (mount == null) {
            reject(ctx, request, 404, "no WebSocket endpoint at " + path);
            return;
        }
        Optional<String> required = mount.endpoint().subprotocol();
        if (required.isPresent() && !offered(request).contains(required.get())) {
            reject(ctx, request, 403, "invalid/missing Sec-WebSocket-Protocol");
            return;
        }
        switch (registry.admit()) {
            case STOPPING -> {
                reject(ctx, request, 503, "server shutting down");
                return;
            }
            case FULL -> {
                metrics.refused(ServerMetrics.Refusal.MAX_CONNECTIONS);
                reject(ctx, request, 503, "too many connections");
                return;
            }
            case ADMITTED -> { }
        }
        // From here on the slot is ours: every early exit gives it back.
        HandshakeRequest handshake = new HandshakeRequest(path, uri.parameters(),
                RequestHeaders.lowerCased(request.headers()), remoteIp);
        HandshakeDecision decision;
        try {
            decision = mount.endpoint().handshake(handshake);
        } catch (RuntimeException e) {
            log.warn("WebSocket endpoint {} failed on a handshake", mount.path(), e);
            decision = HandshakeDecision.reject(500, "internal error");
        }
        if (decision instanceof HandshakeDecision.Reject rejection) {
            registry.release();
            reject(ctx, request, rejection.status(), rejection.reason());
            return;
        }
        WebSocketServerHandshaker handshaker = new WebSocketServerHandshakerFactory(
                webSocketUrl(ctx, request), required.orElse(null), decoderConfig).newHandshaker(request);
        if (handshaker == null) {
            registry.release();
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
            return;
        }
        NettyConnection connection = new NettyConnection(registry.nextId(), remoteIp, ctx.channel(),
                outboxes.of(ctx.channel().eventLoop()));
        WebSocketFrameHandler frames = new WebSocketFrameHandler(connection, mount, handshake, limits, metrics, registry);
        ChannelPipeline pipeline = ctx.pipeline();
        pipeline.replace("idle", "idle", new IdleStateHandler(PING_AFTER_SECONDS, 0, 0, TimeUnit.SECONDS));
        pipeline.addAfter(ctx.name(), "websocket", frames);
        handshaker.handshake(ctx.channel(), request).addListener(future -> {
            if (future.isSuccess()) {
                connection.handshakeDone();
            } else {
                log.debug("WebSocket handshake with {} failed: {}", remoteIp, String.valueOf(future.cause()));
                ctx.channel().close();
            }
        });
        pipeline.remove(ctx.handler());
        // Same event-loop task as the 101 write: nothing the gateway sends can overtake it, and no frame
        // can arrive before the session exists because the client waits for the 101.
        frames.open();
    }

    private static List<String> offered(FullHttpRequest request) {
        String header = request.headers().get(HttpHeaderNames.SEC_WEBSOCKET_PROTOCOL);
        if (header == null) {
            return List.of();
        }
        return Arrays.stream(header.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String webSocketUrl(ChannelHandlerContext ctx, FullHttpRequest request) {
        String scheme = ctx.pipeline().get(SslHandler.class) != null ? "wss" : "ws";
        String host = request.headers().get(HttpHeaderNames.HOST, "localhost");
        return scheme + "://" + host + request.uri();
    }

    private static void reject(ChannelHandlerContext ctx, FullHttpRequest request, int status, String reason) {
        log.debug("WebSocket upgrade to {} refused: {} {}", request.uri(), status, reason);
        HttpResponses.sendAndClose(ctx, request.protocolVersion(), HttpResponse.text(status, reason));
    }
}
