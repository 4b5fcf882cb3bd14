package dev.hongyan.bench;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

/** Opens WebSocket connections to the target: Netty, native epoll when available, small buffers. */
final class Connector implements AutoCloseable {

    private static final int MAX_MESSAGE_BYTES = 1 << 20;

    private final Target target;
    private final Messages messages;
    private final Traffic traffic;
    private final Duration requestTimeout;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final boolean epoll;
    /** Every connection made, so that close() can end them all politely before stopping the loops. */
    private final Queue<BenchClient> made = new ConcurrentLinkedQueue<>();

    Connector(Target target, Messages messages, Traffic traffic, int ioThreads, Duration connectTimeout,
            Duration requestTimeout) {
        this.target = target;
        this.messages = messages;
        this.traffic = traffic;
        this.requestTimeout = requestTimeout;
        this.epoll = Epoll.isAvailable();
        this.group = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("bench-io", true),
                epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory());
        this.bootstrap = new Bootstrap().group(group)
                .channel(epoll ? EpollSocketChannel.class : NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) connectTimeout.toMillis())
                .option(ChannelOption.TCP_NODELAY, true)
                // Small kernel buffers: 15,000 idle sockets must not cost the machine gigabytes.
                .option(ChannelOption.SO_RCVBUF, 32 * 1024)
                .option(ChannelOption.SO_SNDBUF, 32 * 1024);
        if (epoll) {
            // Bind the source address without picking the port yet, so the port is chosen per 4-tuple at
            // connect time instead of being reserved for the address alone.
            bootstrap.option(EpollChannelOption.IP_BIND_ADDRESS_NO_PORT, true);
        }
    }

    boolean epoll() {
        return epoll;
    }

    EventLoopGroup group() {
        return group;
    }

    /** Connects from {@code source} and completes when the WebSocket handshake is done. */
    CompletableFuture<BenchClient> connect(String clientId, InetAddress source) {
        CompletableFuture<BenchClient> handshake = new CompletableFuture<>();
        Bootstrap b = bootstrap.clone().handler(new ChannelInitializer<SocketChannel>() {
            @Override
            protected void initChannel(SocketChannel channel) {
                BenchClient client = new BenchClient(channel, messages, traffic, requestTimeout, clientId);
                made.add(client);
                WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                        .webSocketUri(target.webSocket())
                        .version(WebSocketVersion.V13)
                        .maxFramePayloadLength(MAX_MESSAGE_BYTES)
                        .handshakeTimeoutMillis(requestTimeout.toMillis())
                        .handleCloseFrames(false)
                        .dropPongFrames(true)
                        // The receiving side is half of what is measured: skip work a real client
                        // would do only to distrust its server (the server validates what we send).
                        .withUTF8Validator(false)
                        .build();
                channel.pipeline().addLast(
                        new HttpClientCodec(),
                        new HttpObjectAggregator(64 * 1024),
                        new WebSocketClientProtocolHandler(config),
                        new WebSocketFrameAggregator(MAX_MESSAGE_BYTES),
                        new ClientChannelHandler(messages.mapper(), client, handshake));
            }
        });
        InetSocketAddress remote = new InetSocketAddress(target.address(), target.port());
        ChannelFuture connecting = source == null ? b.connect(remote) : b.connect(remote, new InetSocketAddress(source, 0));
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                handshake.completeExceptionally(f.cause());
            }
        });
        return handshake;
    }

    /** Closes every connection still open (close frames, at most 10 s), then stops the event loops. */
    @Override
    public void close() {
        try {
            Teardown.closeAll(made.stream().filter(BenchClient::isOpen).toList(), 10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** For reports: which transport carried the load. */
    String transport() {
        return epoll ? "epoll" : "nio";
    }
}
