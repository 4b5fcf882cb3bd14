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
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.ArrayList;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * One loopback endpoint: ICE (controlling, nominating), DTLS and SRTP against an engine transport.
 *
 * <p>Use: {@link #open}, give {@link #dtlsParameters()} to the engine transport's {@code connect}, then
 * {@link #connect} with the transport's ICE and DTLS parameters and wait on the returned future. After
 * that {@link #sendRtp}/{@link #sendRtcp} protect and send from the caller's thread; decrypted packets
 * arrive at the {@link Handler} on the {@link LoopbackNetwork}'s reader thread.
 */
public final class LoopbackPeer implements AutoCloseable {

    /** What the peer receives, on its event loop. The buffer is reused after the call returns. */
    public interface Handler {
        void onRtp(byte[] buf, int len, long arrivalNanos);

        /**
         * An RTP packet as it arrived, still SRTP-protected; false drops it as if it were lost on the way, so
         * the SRTP replay window never sees it (a test that makes the receiver NACK a packet needs that).
         */
        default boolean acceptSrtp(byte[] buf, int len) {
            return true;
        }

        default void onRtcp(byte[] buf, int len) {}
    }

    private final LoopbackNetwork network;
    private final DatagramChannel channel;
    private final List<ScheduledFuture<?>> timers = new ArrayList<>();
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
    private final ByteBuffer sendDirect = ByteBuffer.allocateDirect(2048);
    private final ByteBuffer controlDirect = ByteBuffer.allocateDirect(2048);

    private LoopbackPeer(LoopbackNetwork network, DatagramChannel channel, InetSocketAddress engine,
            DtlsContext context, DtlsRole role, Handler handler, boolean decrypt) {
        this.network = network;
        this.channel = channel;
        this.engine = engine;
        this.context = context;
        this.role = role;
        this.handler = handler;
        this.decrypt = decrypt;
        this.ufrag = "peer" + Integer.toHexString(random.nextInt());
        this.dtls = context.createTransport(new Keys(), bytes -> sendControl(bytes, bytes.length));
    }

    /**
     * Binds a loopback UDP socket on {@code group}. {@code role} is this peer's DTLS role (as a browser's
     * send transport says "server", a receive transport "client"). With {@code decrypt} false, RTP is
     * counted but not decrypted (benchmark receivers that only need counts).
     */
    public static LoopbackPeer open(LoopbackNetwork network, InetSocketAddress engine, DtlsContext context,
            DtlsRole role, Handler handler, boolean decrypt) throws IOException {
        LoopbackPeer peer = new LoopbackPeer(network, network.bind(), engine, context, role, handler, decrypt);
        network.register(peer);
        return peer;
    }

    DatagramChannel channel() {
        return channel;
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
        ScheduledFuture<?> retry = network.timers().scheduleAtFixedRate(() -> {
            if (!iceDone.isDone()) {
                sendCheck();
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
        // Consent freshness: keep checking, as a browser does every few seconds.
        synchronized (timers) {
            timers.add(retry);
            timers.add(network.timers().scheduleAtFixedRate(this::sendCheck, 5, 5, TimeUnit.SECONDS));
        }
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
        sendDirect.clear();
        sendDirect.put(sendBuffer, 0, n).flip();
        try {
            return channel.send(sendDirect, engine) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** STUN and DTLS: from timers and handshake threads, so under their own lock. */
    private void sendControl(byte[] bytes, int len) {
        synchronized (controlDirect) {
            controlDirect.clear();
            controlDirect.put(bytes, 0, len).flip();
            try {
                channel.send(controlDirect, engine);
            } catch (IOException e) {
                // closed
            }
        }
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
        sendControl(sendBuffer, n);
        return true;
    }

    /**
     * Stops reading this peer's socket and shrinks its receive buffer to the kernel's minimum: from then on
     * the kernel drops nearly all that arrives.
     * A sink for benchmarks: on loopback the sender's syscall also runs the receiving side, and a reader
     * asleep in select() costs the sender its wakeup, costs a remote receiver would not put on a server.
     * Nothing is handled from then on (no RTCP, no consent answers), so use it only after connecting.
     * Completes once the reader has let go of the socket.
     */
    public CompletableFuture<Void> stopReading() {
        return network.stopReading(this);
    }

    public long receivedPackets() {
        return receivedPackets;
    }

    public long receivedBytes() {
        return receivedBytes;
    }

    public InetSocketAddress localAddress() {
        try {
            return (InetSocketAddress) channel.getLocalAddress();
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (timers) {
            timers.forEach(t -> t.cancel(false));
        }
        dtls.close();
        try {
            channel.close();
        } catch (IOException e) {
            // already closed
        }
    }

    private void sendCheck() {
        IceParameters ice = remoteIce;
        if (ice == null || !channel.isOpen()) {
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
        sendControl(bytes, bytes.length);
    }

    void onDatagram(byte[] b, int len, long nowNanos) {
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
            dtls.receive(java.util.Arrays.copyOf(b, len), 0, len); // DTLS may keep the array
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
            if (!handler.acceptSrtp(b, len)) {
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
}
