package dev.hongyan.media.loopback;

import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsListener;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.dtls.DtlsTransport;
import dev.hongyan.media.dtls.SrtpKeyMaterial;
import dev.hongyan.media.ice.IceParameters;
import dev.hongyan.media.ice.PacketClass;
import dev.hongyan.media.srtp.SrtpContext;
import dev.hongyan.media.srtp.SrtpMasterKey;
import dev.hongyan.media.srtp.SrtpSession;
import dev.hongyan.media.stun.StunAttribute;
import dev.hongyan.media.stun.StunClass;
import dev.hongyan.media.stun.StunMessage;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import io.netty.channel.socket.nio.NioDatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One loopback endpoint: ICE (controlling, nominating), DTLS and SRTP against an engine transport.
 *
 * <p>Use: {@link #open}, give {@link #dtlsParameters()} to the engine transport's {@code connect}, then
 * {@link #connect} with the transport's ICE and DTLS parameters and wait on the returned future. After
 * that {@link #sendRtp}/{@link #sendRtcp} protect and send; decrypted packets arrive at the
 * {@link Handler} on the group's event loop.
 */
public final class LoopbackPeer implements AutoCloseable {

    /** What the peer receives, on its event loop. The buffer is reused after the call returns. */
    public interface Handler {
        void onRtp(byte[] buf, int len, long arrivalNanos);

        default void onRtcp(byte[] buf, int len) {}
    }

    private final Channel channel;
    private final InetSocketAddress engine;
    private final DtlsTransport dtls;
    private final DtlsContext context;
    private final DtlsRole role;
    private final Handler handler;
    private final boolean decrypt;
    private final String ufrag;
    private final SecureRandom random = new SecureRandom();
    private final CompletableFuture<Void> iceDone = new CompletableFuture<>();
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private volatile SrtpSession srtp;
    private volatile IceParameters remoteIce;
    private volatile long receivedPackets;
    private volatile long receivedBytes;
    private final byte[] sendBuffer = new byte[2048];

    private LoopbackPeer(Channel channel, InetSocketAddress engine, DtlsContext context, DtlsRole role,
            Handler handler, boolean decrypt, PeerHandler peerHandler) {
        this.channel = channel;
        this.engine = engine;
        this.context = context;
        this.role = role;
        this.handler = handler;
        this.decrypt = decrypt;
        this.ufrag = "peer" + Integer.toHexString(random.nextInt());
        this.dtls = context.createTransport(new Keys(), bytes -> channel.writeAndFlush(
                new DatagramPacket(Unpooled.wrappedBuffer(bytes), engine)));
        peerHandler.peer = this;
    }

    /**
     * Binds a loopback UDP socket on {@code group}. {@code role} is this peer's DTLS role (as a browser's
     * send transport says "server", a receive transport "client"). With {@code decrypt} false, RTP is
     * counted but not decrypted (benchmark receivers that only need counts).
     */
    public static LoopbackPeer open(EventLoopGroup group, InetSocketAddress engine, DtlsContext context, DtlsRole role,
            Handler handler, boolean decrypt) throws InterruptedException {
        PeerHandler ph = new PeerHandler();
        Channel ch = new Bootstrap().group(group).channel(NioDatagramChannel.class).handler(ph)
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
        return new LoopbackPeer(ch, engine, context, role, handler, decrypt, ph);
    }

    /** What to give the engine transport's {@code connect()}. */
    public DtlsParameters dtlsParameters() {
        return new DtlsParameters(role, context.certificate().fingerprints());
    }

    /**
     * Runs ICE (a nominating Binding request, repeated until answered) and then DTLS against the engine
     * transport; completes when SRTP keys are ready.
     */
    public CompletableFuture<Void> connect(IceParameters engineIce, DtlsParameters engineDtls) {
        this.remoteIce = engineIce;
        sendCheck();
        var retry = channel.eventLoop().scheduleAtFixedRate(() -> {
            if (!iceDone.isDone()) {
                sendCheck();
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        // Consent freshness: keep checking, as a browser does every few seconds.
        var consent = channel.eventLoop().scheduleAtFixedRate(this::sendCheck, 5, 5, TimeUnit.SECONDS);
        channel.closeFuture().addListener(f -> consent.cancel(false));
        iceDone.whenComplete((v, e) -> {
            retry.cancel(false);
            DtlsRole engineRole = role == DtlsRole.CLIENT ? DtlsRole.SERVER : DtlsRole.CLIENT;
            try {
                dtls.start(new DtlsParameters(engineRole, engineDtls.fingerprints()));
            } catch (RuntimeException ex) {
                connected.completeExceptionally(ex);
            }
        });
        return connected;
    }

    /** Protects a copy of the RTP packet and sends it. Thread-safe for one sending thread. */
    public synchronized boolean sendRtp(byte[] packet, int len) {
        SrtpSession s = srtp;
        if (s == null) {
            return false;
        }
        System.arraycopy(packet, 0, sendBuffer, 0, len);
        int n = s.protectRtp(sendBuffer, 0, len);
        if (n < 0) {
            return false;
        }
        ByteBuf buf = channel.alloc().directBuffer(n).writeBytes(sendBuffer, 0, n);
        channel.writeAndFlush(new DatagramPacket(buf, engine), channel.voidPromise());
        return true;
    }

    public synchronized boolean sendRtcp(byte[] packet, int len) {
        SrtpSession s = srtp;
        if (s == null) {
            return false;
        }
        System.arraycopy(packet, 0, sendBuffer, 0, len);
        int n = s.protectRtcp(sendBuffer, 0, len);
        if (n < 0) {
            return false;
        }
        channel.writeAndFlush(new DatagramPacket(Unpooled.copiedBuffer(sendBuffer, 0, n), engine), channel.voidPromise());
        return true;
    }

    public long receivedPackets() {
        return receivedPackets;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    public InetSocketAddress localAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        dtls.close();
        channel.close().awaitUninterruptibly();
    }

    private void sendCheck() {
        IceParameters ice = remoteIce;
        if (ice == null || !channel.isActive()) {
            return;
        }
        List<StunAttribute> attrs = List.of(
                new StunAttribute.Username(ice.usernameFragment() + ":" + ufrag),
                new StunAttribute.Priority(1853824767L),
                new StunAttribute.IceControlling(random.nextLong()),
                new StunAttribute.UseCandidate());
        byte[] tx = StunMessage.newTransactionId(random);
        byte[] bytes = StunMessage.of(StunClass.REQUEST, StunMessage.METHOD_BINDING, tx, attrs)
                .encode(ice.password().getBytes(StandardCharsets.UTF_8), true);
        channel.writeAndFlush(new DatagramPacket(Unpooled.wrappedBuffer(bytes), engine));
    }

    private void onDatagram(byte[] b, int len, long nowNanos) {
        PacketClass kind = PacketClass.of(b[0]);
        if (kind == PacketClass.STUN) {
            try {
                StunMessage m = StunMessage.parse(b, 0, len);
                if (m.messageClass() == StunClass.SUCCESS_RESPONSE) {
                    iceDone.complete(null);
                }
            } catch (Exception e) {
                // not a STUN message we can use
            }
        } else if (kind == PacketClass.DTLS) {
            dtls.receive(b, 0, len);
        } else if (kind == PacketClass.RTP_RTCP && len >= 12) {
            SrtpSession s = srtp;
            if (s == null) {
                return;
            }
            if (PacketClass.isRtcp(b)) {
                int n = s.unprotectRtcp(b, 0, len);
                if (n > 0) {
                    handler.onRtcp(b, n);
                }
                return;
            }
            receivedPackets++;
            receivedBytes += len;
            if (!decrypt) {
                handler.onRtp(b, len, nowNanos);
                return;
            }
            int n = s.unprotectRtp(b, 0, len);
            if (n > 0) {
                handler.onRtp(b, n, nowNanos);
            }
        }
    }

    private final class Keys implements DtlsListener {
        @Override
        public void onConnected(SrtpKeyMaterial keys) {
            srtp = new SrtpSession(keys.profile(), new SrtpMasterKey(keys.localMasterKey(), keys.localMasterSalt()),
                    new SrtpMasterKey(keys.remoteMasterKey(), keys.remoteMasterSalt()), SrtpContext.DEFAULT_REPLAY_WINDOW);
            connected.complete(null);
        }

        @Override
        public void onFailed(String reason) {
            connected.completeExceptionally(new IllegalStateException("DTLS failed: " + reason));
        }

        @Override
        public void onClosed() {
        }
    }

    private static final class PeerHandler extends SimpleChannelInboundHandler<DatagramPacket> {
        volatile LoopbackPeer peer;
        private final byte[] buf = new byte[2048];

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
            LoopbackPeer p = peer;
            ByteBuf content = packet.content();
            int len = content.readableBytes();
            if (p == null || len == 0 || len > buf.length) {
                return;
            }
            long now = System.nanoTime();
            // DTLS keeps the array it is given, so DTLS datagrams get their own copy.
            byte[] target = PacketClass.of(content.getByte(content.readerIndex())) == PacketClass.DTLS
                    ? new byte[len] : buf;
            content.getBytes(content.readerIndex(), target, 0, len);
            p.onDatagram(target, len, now);
        }
    }
}
