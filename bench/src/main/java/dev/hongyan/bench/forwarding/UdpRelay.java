package dev.hongyan.bench.forwarding;

import dev.hongyan.media.forwarding.WriteLatency;
import dev.hongyan.media.ice.IceServer;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The least an SFU can do on this machine: every datagram that arrives is sent on, unchanged, to every
 * destination, on one event loop thread, with the engine's socket ({@link IceServer#withSocketSettings}, Netty
 * epoll) and its write pattern (one {@code sendmmsg} per fan-out, at most {@link IceServer#WRITE_BATCH} copies). No ICE,
 * DTLS, SRTP or RTP work and no copying: what it costs per copy is the kernel's UDP path and Netty's, the floor
 * under the engine's figures. It times itself as the engine does ({@link WriteLatency}: a clock read when a
 * datagram is read, one per copy queued, one per flush that empties the socket's queue), so its read → write
 * latency is the engine's figure for a forwarder that does nothing.
 */
final class UdpRelay implements AutoCloseable {
    private final EventLoopGroup group;
    private final Channel channel;
    private final Thread loopThread;
    private volatile List<InetSocketAddress> destinations = List.of();
    /** Copies written; only the loop thread adds to it. */
    private volatile long forwarded;
    /** Only touched on the loop thread. */
    private final WriteLatency latency = new WriteLatency();

    UdpRelay() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("relay", true), EpollIoHandler.newFactory());
        try {
            channel = IceServer.withSocketSettings(new Bootstrap().group(group)
                    .channelFactory(() -> new EpollDatagramChannel(SocketProtocolFamily.INET)))
                    .handler(new Fanout())
                    .bind(InetAddress.getLoopbackAddress(), 0).sync().channel();
            CompletableFuture<Thread> thread = new CompletableFuture<>();
            channel.eventLoop().execute(() -> thread.complete(Thread.currentThread()));
            loopThread = thread.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    /** Where each datagram goes from now on (loopback ports). */
    void relayTo(List<Integer> ports) {
        destinations = ports.stream().map(p -> new InetSocketAddress(InetAddress.getLoopbackAddress(), p)).toList();
    }

    long forwarded() {
        return forwarded;
    }

    /** Read → write latency since the last call, as {p50, p99, max} in µs; clears it. Blocks for the loop. */
    long[] takeLatencyMicros() throws Exception {
        return channel.eventLoop().submit(() -> {
            long[] figures = {latency.written().percentileMicros(0.5), latency.written().percentileMicros(0.99),
                    latency.written().maxMicros()};
            latency.reset();
            return figures;
        }).get(10, TimeUnit.SECONDS);
    }

    Thread loopThread() {
        return loopThread;
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    private final class Fanout extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            DatagramPacket in = (DatagramPacket) msg;
            long arrival = System.nanoTime();
            try {
                ByteBuf content = in.content();
                List<InetSocketAddress> to = destinations;
                int unflushed = 0;
                for (InetSocketAddress destination : to) {
                    ctx.write(new DatagramPacket(content.retainedDuplicate(), destination), ctx.voidPromise());
                    latency.onQueued(arrival, System.nanoTime());
                    if (++unflushed == IceServer.WRITE_BATCH) {
                        flush(ctx);
                        unflushed = 0;
                    }
                }
                if (unflushed > 0) {
                    flush(ctx);
                }
                forwarded += to.size();
            } finally {
                in.release();
            }
        }

        /** As the engine's socket: copies count as written when the flush leaves the queue empty. */
        private void flush(ChannelHandlerContext ctx) {
            ctx.flush();
            ChannelOutboundBuffer queue = ctx.channel().unsafe().outboundBuffer();
            if (queue == null || queue.isEmpty()) {
                latency.onFlushed(System.nanoTime());
            }
        }
    }
}
