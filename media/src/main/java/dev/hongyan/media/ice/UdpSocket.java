package dev.hongyan.media.ice;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundBuffer;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bound datagram channel of the shared port, and its inbound handler: sorts each datagram by first
 * byte, hands STUN to the {@link BindingHandler}, and gives DTLS/RTP/RTCP from a validated tuple to its
 * transport.
 *
 * <p>Sends made on the event loop while a datagram is handled are queued and flushed once it has been
 * handled, so a fan-out to many receivers costs one sendmmsg rather than a syscall per copy; a large fan-out
 * is flushed every {@link IceServer#WRITE_BATCH} copies, so the first receivers do not wait for the last. Copies
 * never wait for the next datagram: that would save syscalls when packets arrive back to back, but hold
 * every copy of a batch back for as long as the batch takes, and for any preemption in between.
 *
 * <p>Media is copied into one receive buffer owned by this socket's event loop and handed over for the
 * duration of the call: the transport handles a datagram completely (decrypts in place, forwards) before
 * the next one is read, so nothing is allocated per datagram on this side.
 */
final class UdpSocket extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(UdpSocket.class);

    private final IceRegistry registry;
    private final BindingHandler binding;
    private final FlushListener flushListener;
    private volatile Channel channel;
    // Event-loop confined:
    private final byte[] receiveBuffer = new byte[IceServer.MAX_DATAGRAM];
    private SendArena arena;
    private boolean handling;
    private int unflushed;

    UdpSocket(IceRegistry registry, BindingHandler binding, FlushListener flushListener) {
        super(DatagramPacket.class, true);
        this.registry = registry;
        this.binding = binding;
        this.flushListener = flushListener;
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
        handling = true;
        try {
            handle(packet);
        } finally {
            handling = false;
            if (unflushed > 0) { // this datagram's answers and copies leave now, together
                flush(ctx.channel());
            }
        }
    }

    private void handle(DatagramPacket packet) {
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

    /**
     * Copies into direct memory (what the kernel write needs anyway) and sends; false if dropped. On the
     * event loop while a datagram is handled, the copy waits for the end of that handling, or for
     * {@link IceServer#WRITE_BATCH} others, and leaves with them in one sendmmsg.
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
        unflushed++;
        if (!handling || unflushed >= IceServer.WRITE_BATCH) {
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
        if (flushListener == FlushListener.NONE) {
            return; // nobody measures: no clock read per flush
        }
        ChannelOutboundBuffer queue = ch.unsafe().outboundBuffer();
        if (queue == null || queue.isEmpty()) {
            flushListener.onFlushed(System.nanoTime());
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // UDP errors (ICMP unreachable, a failed send) concern one peer, never the shared socket: keep it open.
        log.debug("UDP socket {}: {}", ctx.channel().localAddress(), cause.toString());
    }
}
