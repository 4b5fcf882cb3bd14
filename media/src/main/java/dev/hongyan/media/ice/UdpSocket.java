package dev.hongyan.media.ice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound datagram channel of the shared port, and its inbound handler: sorts each datagram by first
 * byte, hands STUN to the {@link BindingHandler}, and gives DTLS/RTP/RTCP from a validated tuple to its
 * transport. Sends made on the event loop while it is reading are flushed at the end of the read batch
 * (channelReadComplete), every {@link #WRITE_BATCH} datagrams, or once the first has waited
 * {@link #MAX_FLUSH_WAIT_NANOS}, whichever comes first, so a fan-out to many receivers, or a burst to one,
 * costs one sendmmsg per batch rather than a syscall (and a wakeup of the receiver) per datagram.
 *
 * <p>Media is copied into one receive buffer owned by this socket's event loop and handed over for the
 * duration of the call: the transport handles a datagram completely (decrypts in place, forwards) before
 * the next one is read, so nothing is allocated per datagram on this side.
 */
final class UdpSocket extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(UdpSocket.class);
    /**
     * Most datagrams queued before a flush. One sendmmsg carries them all; the cap keeps the first copies of
     * a large fan-out from waiting for the last, and bounds what sits in the channel's queue.
     */
    static final int WRITE_BATCH = 32;
    /**
     * Longest a queued datagram waits for companions: checked as each further datagram is read, so a read
     * batch that runs long (a burst arriving as it is handled, a large fan-out) does not hold the first
     * copies back for all of it.
     */
    static final long MAX_FLUSH_WAIT_NANOS = 50_000;

    private final IceRegistry registry;
    private final BindingHandler binding;
    private final FlushListener flushListener;
    private final LongSupplier nanoClock;
    private volatile Channel channel;
    // Event-loop confined:
    private final byte[] receiveBuffer = new byte[IceServer.MAX_DATAGRAM];
    private SendArena arena;
    private boolean reading;
    private int unflushed;
    private long firstUnflushedNanos;

    UdpSocket(IceRegistry registry, BindingHandler binding, FlushListener flushListener, LongSupplier nanoClock) {
        super(DatagramPacket.class, true);
        this.registry = registry;
        this.binding = binding;
        this.flushListener = flushListener;
        this.nanoClock = nanoClock;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        arena = new SendArena(ctx.alloc());
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        arena.release();
    }

    Channel channel() {
        return channel;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        reading = true;
        if (unflushed > 0 && nanoClock.getAsLong() - firstUnflushedNanos >= MAX_FLUSH_WAIT_NANOS) {
            flush(ctx.channel());
        }
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        if (length == 0) {
            return;
        }
        int at = content.readerIndex();
        PacketClass kind = PacketClass.of(content.getByte(at));
        if (kind == PacketClass.STUN) {
            byte[] bytes = new byte[length];
            content.getBytes(at, bytes);
            binding.handle(this, bytes, packet.sender());
        } else if (kind == PacketClass.DTLS || kind == PacketClass.RTP_RTCP) {
            IceTuple tuple = registry.tupleFor(packet.sender());
            // Media only from addresses that passed a check (RFC 8445 §7.3.1.5). The receive allocator
            // never reads more than the buffer holds, but a datagram that did not fit could only be cut.
            if (tuple != null && length <= receiveBuffer.length) {
                content.getBytes(at, receiveBuffer, 0, length);
                tuple.transport.deliver(receiveBuffer, length);
            }
        } // ZRTP, TURN channel data, unknown: not ours (RFC 7983), dropped
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (unflushed > 0) {
            flush(ctx.channel());
        }
        ctx.fireChannelReadComplete();
    }

    /**
     * Copies into direct memory (what the kernel write needs anyway) and sends; false if dropped. On the
     * event loop during a read batch the datagram waits for the batch's end, or for {@link #WRITE_BATCH}
     * others, and leaves with them in one sendmmsg.
     */
    boolean send(byte[] data, int offset, int length, InetSocketAddress to) {
        Channel ch = channel;
        if (ch == null || !ch.isWritable()) {
            return false;
        }
        if (!ch.eventLoop().inEventLoop()) { // DTLS handshake threads: rare, and the arena is the loop's
            ByteBuf buf = ch.alloc().directBuffer(length, length).writeBytes(data, offset, length);
            ch.writeAndFlush(new DatagramPacket(buf, to), ch.voidPromise());
            return true;
        }
        ch.write(new DatagramPacket(arena.copyOf(data, offset, length), to), ch.voidPromise());
        if (unflushed++ == 0) {
            firstUnflushedNanos = nanoClock.getAsLong();
        }
        if (!reading || unflushed >= WRITE_BATCH) {
            flush(ch);
        }
        return true;
    }

    private void flush(Channel ch) {
        unflushed = 0;
        ch.flush();
        flushed(ch);
    }

    /**
     * Tells the listener when the queue is empty; a datagram the kernel refused for now (EAGAIN) stays queued
     * and Netty writes it once the socket is writable, so it counts at a later flush, never too early.
     */
    private void flushed(Channel ch) {
        ChannelOutboundBuffer queue = ch.unsafe().outboundBuffer();
        if (queue == null || queue.isEmpty()) {
            flushListener.onFlushed(nanoClock.getAsLong());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // UDP errors (ICMP unreachable, a failed send) concern one peer, never the shared socket: keep it open.
        log.debug("UDP socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
