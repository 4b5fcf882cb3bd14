package dev.hongyan.server;

import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.HttpRoute;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.server.config.Config;
import dev.hongyan.server.http.RouteTable;
import dev.hongyan.server.metrics.ServerMetrics;
import dev.hongyan.server.tls.SslContexts;
import dev.hongyan.server.websocket.ConnectionRegistry;
import dev.hongyan.server.websocket.WebSocketUpgrader;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The process's one listening port: HTTP routes of every gateway, their WebSocket endpoints,
 * {@code /health} and {@code /metrics}, optionally over TLS. Netty with native epoll when available,
 * one acceptor thread and one I/O thread per core.
 *
 * <p>Lifecycle: construct (validates routes, endpoints and TLS files), {@link #start()}, {@link #stop()}.
 */
public final class HongyanServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HongyanServer.class);
    /** After closing the last connections with 1001, how long to wait for their sockets to finish. */
    private static final long FINAL_CLOSE_MILLIS = 1500;

    private enum State { NEW, STARTED, STOPPED }

    private final ServerSettings settings;
    private final ServerMetrics metrics;
    private final ConnectionRegistry connections;
    private final WebSocketUpgrader upgrader;
    private final RouteTable routes;
    private final SslContext sslContext;
    private final ExecutorService scrapeExecutor;
    private final ChannelGroup channels = new DefaultChannelGroup("hongyan-http", GlobalEventExecutor.INSTANCE);

    private State state = State.NEW;
    private EventLoopGroup boss;
    private EventLoopGroup workers;
    private Channel serverChannel;
    private int port = -1;

    public HongyanServer(Config config, PrometheusMeterRegistry registry, List<WebSocketEndpoint> endpoints,
            List<HttpRoute> routes) {
        this(ServerSettings.from(config), registry, endpoints, routes);
    }

    /**
     * @throws IllegalArgumentException on clashing routes or endpoint paths
     * @throws dev.hongyan.server.config.ConfigException when TLS is enabled and its files cannot be used
     */
    public HongyanServer(ServerSettings settings, PrometheusMeterRegistry registry, List<WebSocketEndpoint> endpoints,
            List<HttpRoute> routes) {
        this.settings = settings;
        this.metrics = new ServerMetrics(registry);
        this.connections = new ConnectionRegistry(settings.limits().maxConnections());
        this.upgrader = new WebSocketUpgrader(endpoints, connections, settings.limits(), metrics);
        this.scrapeExecutor = Executors.newSingleThreadExecutor(new DefaultThreadFactory("hongyan-metrics", true));
        List<HttpRoute> all = new ArrayList<>();
        all.add(new HealthRoute(connections::count));
        all.add(new MetricsRoute(registry, scrapeExecutor));
        all.addAll(routes);
        this.routes = new RouteTable(all);
        this.sslContext = settings.http().tls().enabled() ? SslContexts.server(settings.http().tls()) : null;
    }

    /**
     * Binds the port and starts serving. Blocks until bound.
     *
     * @throws IllegalStateException when the port cannot be bound or the server was started before
     */
    public synchronized HongyanServer start() {
        if (state != State.NEW) {
            throw new IllegalStateException("server already " + state.name().toLowerCase());
        }
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        Class<? extends ServerChannel> channelType = epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
        int ioThreads = Runtime.getRuntime().availableProcessors();
        boss = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("hongyan-accept"), io);
        workers = new MultiThreadIoEventLoopGroup(ioThreads, new DefaultThreadFactory("hongyan-io"), io);
        ServerSettings.Limits limits = settings.limits();
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(boss, workers)
                .channel(channelType)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK,
                        new WriteBufferWaterMark(limits.writeBufferLowWaterBytes(), limits.writeBufferHighWaterBytes()))
                .childHandler(new ServerChannelInitializer(sslContext, settings, routes, upgrader, metrics, channels));
        String host = settings.http().host();
        ChannelFuture bound = bootstrap.bind(host, settings.http().port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownLoops();
            scrapeExecutor.shutdownNow();
            state = State.STOPPED;
            throw new IllegalStateException("cannot listen on " + host + ":" + settings.http().port() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        serverChannel = bound.channel();
        port = ((InetSocketAddress) serverChannel.localAddress()).getPort();
        state = State.STARTED;
        log.info("Listening on {}://{}:{} ({}, {} I/O threads)", sslContext != null ? "https" : "http", host, port,
                epoll ? "epoll" : "nio", ioThreads);
        return this;
    }

    /** The bound port (useful with {@code http.port: 0}); -1 before start. */
    public synchronized int port() {
        return port;
    }

    public boolean tls() {
        return sslContext != null;
    }

    /** WebSocket connections admitted and not yet closed. */
    public int connectionCount() {
        return connections.count();
    }

    /**
     * Stops gracefully: no new connections or upgrades; every endpoint's {@code shutdown()} tells its
     * peers; connections get {@code shutdown.graceMillis} to close themselves; the rest are closed with
     * 1001 "server shutting down"; then the event loops stop. Returns when done. Idempotent. Blocks, so
     * it must not be called from an event loop (a gateway callback).
     */
    public synchronized void stop() {
        if (state == State.STOPPED) {
            return;
        }
        if (state == State.NEW) {
            state = State.STOPPED;
            scrapeExecutor.shutdownNow();
            return;
        }
        for (EventExecutor loop : workers) {
            if (loop.inEventLoop()) {
                throw new IllegalStateException("stop() called from an event loop; it would wait on itself");
            }
        }
        state = State.STOPPED;
        long started = System.nanoTime();
        connections.stopAccepting();
        serverChannel.close().syncUninterruptibly();
        upgrader.shutdownEndpoints();
        long graceMillis = settings.shutdown().graceMillis();
        awaitNoConnections(graceMillis);
        List<Connection> remaining = connections.snapshot();
        if (!remaining.isEmpty()) {
            log.info("Closing {} connection(s) still open after {} ms", remaining.size(), graceMillis);
            for (Connection connection : remaining) {
                connection.close(1001, "server shutting down");
            }
            awaitNoConnections(FINAL_CLOSE_MILLIS);
        }
        channels.close().awaitUninterruptibly(FINAL_CLOSE_MILLIS, TimeUnit.MILLISECONDS);
        shutdownLoops();
        scrapeExecutor.shutdownNow();
        log.info("Stopped in {} ms", TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitNoConnections(long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        // Polling keeps the registry free of shutdown-only signalling; 10 ms is far below any grace period.
        while (connections.count() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void shutdownLoops() {
        if (boss != null) {
            boss.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        }
        if (boss != null) {
            boss.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        if (workers != null) {
            workers.terminationFuture().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
    }
}
