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
 * transport. Sends made on the event loop while it is reading are flushed once per read batch
 * (channelReadComplete), so fan-out of one packet to many receivers costs one flush, not one each.
 */
final class UdpSocket extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger log = LoggerFactory.getLogger(UdpSocket.class);

    private final IceRegistry registry;
    private final BindingHandler binding;
    private final FlushListener flushListener;
    private volatile Channel channel;
    // Event-loop confined:
    private boolean reading;
    private boolean flushPending;

    UdpSocket(IceRegistry registry, BindingHandler binding, FlushListener flushListener) {
        super(DatagramPacket.class, true);
        this.registry = registry;
        this.binding = binding;
        this.flushListener = flushListener;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
    }

    Channel channel() {
        return channel;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        reading = true;
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
            if (tuple != null) { // media only from addresses that passed a check (RFC 8445 §7.3.1.5)
                byte[] bytes = new byte[length];
                content.getBytes(at, bytes);
                tuple.transport.deliver(bytes);
            }
        } // ZRTP, TURN channel data, unknown: not ours (RFC 7983), dropped
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        reading = false;
        if (flushPending) {
            flushPending = false;
            ctx.flush();
            flushed(ctx.channel());
        }
        ctx.fireChannelReadComplete();
    }

    /** Copies into a pooled direct buffer (what the kernel write needs anyway) and sends; false if dropped. */
    boolean send(byte[] data, int offset, int length, InetSocketAddress to) {
        Channel ch = channel;
        if (ch == null || !ch.isWritable()) {
            return false;
        }
        ByteBuf buf = ch.alloc().directBuffer(length, length).writeBytes(data, offset, length);
        DatagramPacket packet = new DatagramPacket(buf, to);
        if (ch.eventLoop().inEventLoop()) {
            ch.write(packet, ch.voidPromise());
            if (reading) {
                flushPending = true;
            } else {
                ch.flush();
                flushed(ch);
            }
        } else {
            ch.writeAndFlush(packet, ch.voidPromise());
        }
        return true;
    }

    /**
     * Tells the listener when the queue is empty; a datagram the kernel refused for now (EAGAIN) stays queued
     * and Netty writes it once the socket is writable, so it counts at a later flush, never too early.
     */
    private void flushed(Channel ch) {
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
