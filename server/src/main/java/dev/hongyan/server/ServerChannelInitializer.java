package dev.hongyan.server;

import dev.hongyan.server.http.HttpHandler;
import dev.hongyan.server.http.RouteTable;
import dev.hongyan.server.http.Upgrader;
import dev.hongyan.server.metrics.ServerMetrics;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** Every accepted socket starts as HTTP (over TLS when configured); the upgrader may turn it into a WebSocket. */
final class ServerChannelInitializer extends ChannelInitializer<Channel> {

    /** An HTTP keep-alive connection with nothing in flight for this long is closed. */
    static final int HTTP_IDLE_SECONDS = 60;

    private final SslContext sslContext; // null without TLS
    private final ServerSettings settings;
    private final RouteTable routes;
    private final Upgrader upgrader;
    private final ServerMetrics metrics;
    private final ChannelGroup channels;

    ServerChannelInitializer(SslContext sslContext, ServerSettings settings, RouteTable routes, Upgrader upgrader,
            ServerMetrics metrics, ChannelGroup channels) {
        this.sslContext = sslContext;
        this.settings = settings;
        this.routes = routes;
        this.upgrader = upgrader;
        this.metrics = metrics;
        this.channels = channels;
    }

    @Override
    protected void initChannel(Channel channel) {
        channels.add(channel); // removed by the group itself on close
        ChannelPipeline pipeline = channel.pipeline();
        if (sslContext != null) {
            pipeline.addLast("tls", sslContext.newHandler(channel.alloc()));
        }
        pipeline.addLast("http", new HttpServerCodec(new HttpDecoderConfig()
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16384)
                .setMaxChunkSize(65536)));
        pipeline.addLast("aggregator", new HttpObjectAggregator(settings.http().maxBodyBytes()));
        pipeline.addLast("idle", new IdleStateHandler(0, 0, HTTP_IDLE_SECONDS, TimeUnit.SECONDS));
        pipeline.addLast("handler", new HttpHandler(routes, upgrader, metrics, settings.http().trustProxyHeaders()));
    }
}
