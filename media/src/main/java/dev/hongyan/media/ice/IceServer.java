package dev.hongyan.media.ice;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFactory;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The engine's one UDP port for every WebRTC transport (mediasoup calls this a WebRtcServer): binds it,
 * answers ICE connectivity checks for all transports, and routes each DTLS/RTP/RTCP datagram to the
 * transport whose tuple sent it. Native epoll when available, NIO otherwise; with {@code sockets > 1}
 * several epoll sockets share the port through SO_REUSEPORT, one event loop each.
 *
 * <p>Consent freshness is swept on one event loop every {@code consentCheckInterval}; the sweep only
 * compares timestamps, so it never blocks packet handling for long.
 */
public final class IceServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(IceServer.class);
    /** A WebRTC datagram fits a 1500-byte MTU; 2048 leaves room and keeps pooled buffers small. */
    static final int MAX_DATAGRAM = 2048;
    /**
     * Datagrams read per readiness event before the loop turns to its other work (timers, tasks). With
     * Netty's default for a fixed allocator, one, every datagram costs an epoll round trip of its own.
     */
    static final int READ_BATCH = 16;
    private static final int RECEIVE_BUFFER = 4 << 20;
    /**
     * Most copies queued before a flush within one fan-out: one sendmmsg carries them all, the first ones
     * leave while the rest are prepared, and what waits in the channel's queue stays bounded.
     */
    public static final int WRITE_BATCH = 64;
    /** RFC 8445 §5.1.2.1: with one address, the local preference is the maximum. */
    private static final int LOCAL_PREFERENCE = 65535;

    private final IceRegistry registry;
    private final EventLoopGroup group;
    private final List<UdpSocket> sockets;
    private final InetSocketAddress localAddress;
    private final List<IceCandidate> candidates;
    private final SecureRandom random;
    private final boolean nativeTransport;
    private final ScheduledFuture<?> consentSweep;
    private final AtomicBoolean closed = new AtomicBoolean();

    private IceServer(IceRegistry registry, EventLoopGroup group, List<UdpSocket> sockets,
            InetSocketAddress localAddress, List<IceCandidate> candidates, SecureRandom random,
            boolean nativeTransport, long sweepNanos) {
        this.registry = registry;
        this.group = group;
        this.sockets = List.copyOf(sockets);
        this.localAddress = localAddress;
        this.candidates = List.copyOf(candidates);
        this.random = random;
        this.nativeTransport = nativeTransport;
        this.consentSweep = group.next().scheduleAtFixedRate(this::sweepConsent, sweepNanos, sweepNanos,
                TimeUnit.NANOSECONDS);
    }

    /** Binds the port; throws IOException if it cannot (in use, bad address). */
    public static IceServer open(IceServerOptions options) throws IOException {
        return open(options, FlushListener.NONE);
    }

    /** As {@link #open(IceServerOptions)}, and {@code flushes} hears when queued sends reached the kernel. */
    public static IceServer open(IceServerOptions options, FlushListener flushes) throws IOException {
        InetAddress listenIp = InetAddress.getByName(options.listenIp()); // a literal: no lookup
        if (listenIp.isAnyLocalAddress() && options.announcedAddress() == null) {
            throw new IllegalArgumentException("listening on " + options.listenIp()
                    + " needs an announcedAddress: a wildcard is no address a peer can reach");
        }
        boolean epoll = options.preferNative() && Epoll.isAvailable();
        int count = epoll ? options.sockets() : 1;
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(count, new DefaultThreadFactory("hongyan-ice", true), io);
        IceRegistry registry = new IceRegistry();
        BindingHandler binding = new BindingHandler(registry, System::nanoTime);
        List<UdpSocket> sockets = new ArrayList<>(count);
        int port = options.port();
        try {
            for (int i = 0; i < count; i++) {
                UdpSocket socket = new UdpSocket(registry, binding, flushes);
                Bootstrap bootstrap = withSocketSettings(new Bootstrap().group(group)
                        .channelFactory(datagramChannels(epoll, listenIp))).handler(socket);
                if (count > 1) {
                    bootstrap.option(EpollChannelOption.SO_REUSEPORT, true);
                }
                ChannelFuture bound = bootstrap.bind(listenIp, port).awaitUninterruptibly();
                if (!bound.isSuccess()) {
                    throw new IOException("cannot bind UDP " + options.listenIp() + ":" + port, bound.cause());
                }
                port = ((InetSocketAddress) bound.channel().localAddress()).getPort();
                sockets.add(socket);
            }
        } catch (IOException | RuntimeException e) {
            sockets.forEach(s -> s.channel().close());
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
        InetSocketAddress local = new InetSocketAddress(listenIp, port);
        String advertised = options.announcedAddress() != null ? options.announcedAddress() : listenIp.getHostAddress();
        List<IceCandidate> candidates = List.of(IceCandidate.udpHost(advertised, port, LOCAL_PREFERENCE));
        log.info("ICE-lite UDP port {} ({} socket(s), {}), candidates {}", local, count, epoll ? "epoll" : "nio",
                candidates);
        return new IceServer(registry, group, sockets, local, candidates, new SecureRandom(), epoll,
                options.consentCheckInterval().toNanos());
    }

    /**
     * The media socket's settings on {@code bootstrap}: datagram size and read batch, buffers, write water mark.
     * Public so that a benchmark's stand-in for the engine measures the same socket.
     */
    public static Bootstrap withSocketSettings(Bootstrap bootstrap) {
        return bootstrap
                .option(ChannelOption.RECVBUF_ALLOCATOR,
                        new FixedRecvByteBufAllocator(MAX_DATAGRAM).maxMessagesPerRead(READ_BATCH))
                // One socket carries every peer's media: a few ms of bursts must fit (the kernel caps it at rmem_max).
                .option(ChannelOption.SO_RCVBUF, RECEIVE_BUFFER)
                .option(ChannelOption.SO_SNDBUF, RECEIVE_BUFFER)
                // Fan-out writes of one read batch are flushed together; the default 64 KB mark
                // would turn a 1-to-100 burst into drops before the flush.
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new io.netty.channel.WriteBufferWaterMark(
                        RECEIVE_BUFFER / 2, RECEIVE_BUFFER));
    }

    /**
     * Channels of the listen address's family. Left to itself the JDK (and Netty) open an IPv6 socket and
     * serve IPv4 through it as mapped addresses: every send then takes the IPv6 path first
     * ({@code udpv6_sendmsg}, about 1 % of the engine thread in the forwarding benchmark) for nothing.
     */
    private static ChannelFactory<Channel> datagramChannels(boolean epoll, InetAddress listenIp) {
        if (!(listenIp instanceof Inet4Address)) {
            return epoll ? EpollDatagramChannel::new : NioDatagramChannel::new;
        }
        return epoll ? () -> new EpollDatagramChannel(SocketProtocolFamily.INET)
                : () -> new NioDatagramChannel(SocketProtocolFamily.INET);
    }

    /**
     * A transport with fresh credentials; the listener hears its packets and state. Each transport shares
     * this server's candidates.
     */
    public IceTransport createTransport(IceTransportOptions options, IceTransport.Listener listener) {
        if (closed.get()) {
            throw new IllegalStateException("ICE server closed");
        }
        IceTransport transport = new IceTransport(registry, () -> IceParameters.generate(random), candidates,
                options, listener);
        transport.register();
        return transport;
    }

    /**
     * The event loop of the first socket. With one socket (the default) it is the only thread that reads
     * this port and runs the consent sweep, so an owner can confine its own state to it.
     */
    public io.netty.channel.EventLoop eventLoop() {
        return sockets.get(0).channel().eventLoop();
    }

    public InetSocketAddress localAddress() {
        return localAddress;
    }

    public int port() {
        return localAddress.getPort();
    }

    public List<IceCandidate> candidates() {
        return candidates;
    }

    /** True when native epoll carries the port. */
    public boolean isNativeTransport() {
        return nativeTransport;
    }

    public int transportCount() {
        return registry.transportCount();
    }

    /** Closes every transport (each listener hears closed), then the sockets and their event loops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        consentSweep.cancel(false);
        for (IceTransport t : registry.snapshot()) {
            t.close();
        }
        for (UdpSocket s : sockets) {
            Channel ch = s.channel();
            if (ch != null) {
                ch.close().awaitUninterruptibly();
            }
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
    }

    private void sweepConsent() {
        long now = System.nanoTime();
        for (IceTransport t : registry.transports()) {
            try {
                t.checkConsent(now);
            } catch (RuntimeException e) { // a thrown exception would cancel the periodic sweep for everyone
                log.warn("consent check failed for {}", t, e);
            }
        }
    }

    @Override
    public String toString() {
        return "IceServer[" + localAddress + ", " + registry.transportCount() + " transports]";
    }
}
