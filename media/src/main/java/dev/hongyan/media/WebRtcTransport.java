package dev.hongyan.media;

import dev.hongyan.media.dtls.DtlsListener;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.dtls.DtlsState;
import dev.hongyan.media.dtls.DtlsTransport;
import dev.hongyan.media.dtls.SrtpKeyMaterial;
import dev.hongyan.media.forwarding.IntMap;
import dev.hongyan.media.ice.IceCandidate;
import dev.hongyan.media.ice.IceParameters;
import dev.hongyan.media.ice.IceState;
import dev.hongyan.media.ice.IceTransport;
import dev.hongyan.media.ice.IceTransportOptions;
import dev.hongyan.media.ice.PacketClass;
import dev.hongyan.media.ortc.RtpParameters;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.srtp.SrtpMasterKey;
import dev.hongyan.media.srtp.SrtpSession;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * mediasoup's WebRtcTransport: ICE-lite on the engine's shared UDP port, DTLS-SRTP, and the producers
 * and consumers it carries. Closing it closes them (producers fire {@code transportclose}, and through
 * them their consumers fire {@code producerclose}; its consumers fire {@code transportclose}).
 *
 * <p>The owner should close the transport when {@link Listener#onIceStateChange} reports
 * {@code disconnected} (consent lost) or {@link Listener#onDtlsStateChange} reports {@code failed}/{@code closed},
 * as mediasoup-demo does; the engine only reports.
 */
public final class WebRtcTransport {

    /** Events on the engine's loop. */
    public interface Listener {
        default void onIceStateChange(IceState state) {}

        /** The tuple media now flows on, or null when none is left. */
        default void onIceSelectedTupleChange(TransportTuple tuple) {}

        default void onDtlsStateChange(DtlsState state) {}

        /** Closed because its router closed ({@code routerclose}); {@link #onClose()} follows. */
        default void onRouterClose() {}

        /** Closed for whatever reason (mediasoup's observer {@code close}). */
        default void onClose() {}
    }

    private static final Logger log = LoggerFactory.getLogger(WebRtcTransport.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String id = UUID.randomUUID().toString();
    private final MediaEngine engine;
    private final Router router;
    private final Map<String, Object> appData;
    private final IceTransport ice;
    private final DtlsTransport dtls;
    private final Listeners<Listener> listeners = new Listeners<>();
    private final TransportRtcp rtcp;
    /** SSRC we put in RTCP we originate (RR, feedback). */
    final int rtcpSsrc = RANDOM.nextInt() | 1;
    /** The REMB value sent to video producers' senders (mediasoup's maxIncomingBitrate), bit/s. */
    final long maxIncomingBitrate;

    private volatile IceParameters iceParameters;
    private volatile IceState iceState = IceState.NEW;
    private volatile TransportTuple selectedTuple;
    private volatile DtlsState dtlsState = DtlsState.NEW;
    private volatile boolean closed;

    // Loop-confined.
    private DtlsParameters remoteDtls;
    private boolean dtlsStarted;
    SrtpSession srtp;
    private final Map<String, Producer> producers = new LinkedHashMap<>();
    private final Map<String, Consumer> consumers = new LinkedHashMap<>();
    private List<Producer> producerList = List.of();
    private List<Consumer> consumerList = List.of();
    final IntMap<StreamRef> inboundSsrcs = new IntMap<>();
    final IntMap<Consumer> consumersBySsrc = new IntMap<>();
    private int nextMid;
    private int transportCcSeq;
    final TransportCounters counters = new TransportCounters();

    WebRtcTransport(MediaEngine engine, Router router, WebRtcTransportOptions options) {
        this.engine = engine;
        this.router = router;
        this.appData = options.appData();
        this.maxIncomingBitrate = options.maxIncomingBitrate();
        this.rtcp = new TransportRtcp(this, engine);
        this.ice = engine.ice().createTransport(
                new IceTransportOptions(Duration.ofSeconds(options.iceConsentTimeout())), new IceEvents());
        this.iceParameters = ice.parameters();
        DtlsTransport created;
        try {
            created = engine.dtls().createTransport(new DtlsEvents(), ice::send);
        } catch (RuntimeException | Error e) {
            ice.close(); // else the ICE transport stays registered with nothing to close it
            throw e;
        }
        this.dtls = created;
    }

    public String id() {
        return id;
    }

    public Map<String, Object> appData() {
        return appData;
    }

    /** {@code {usernameFragment, password, iceLite: true}}; changes on {@link #restartIce()}. */
    public IceParameters iceParameters() {
        return iceParameters;
    }

    /** The engine's host candidate(s): {@code [{foundation, priority, ip, address, protocol, port, type}]}. */
    public List<IceCandidate> iceCandidates() {
        return ice.candidates();
    }

    /** Always "controlled": ICE-lite. */
    public String iceRole() {
        return "controlled";
    }

    public IceState iceState() {
        return iceState;
    }

    /** Null until a connectivity check succeeds. */
    public TransportTuple iceSelectedTuple() {
        return selectedTuple;
    }

    /** {@code {role: "auto", fingerprints: [...]}}. */
    public DtlsParameters dtlsParameters() {
        return engine.dtls().localParameters();
    }

    public DtlsState dtlsState() {
        return dtlsState;
    }

    /** Null: no SCTP (data channels) yet. */
    public Object sctpParameters() {
        return null;
    }

    /**
     * mediasoup's {@code connect({dtlsParameters})}: the remote's fingerprints and role ("client" or
     * "server"; "auto" makes us the client). Fails if already connected.
     */
    public CompletableFuture<Void> connect(DtlsParameters remote) {
        return engine.loop().run(() -> {
            requireOpen();
            if (remoteDtls != null) {
                throw new IllegalStateException("connect() already called");
            }
            remoteDtls = remote;
            maybeStartDtls();
        });
    }

    /** New ICE credentials; media keeps flowing on the current tuple meanwhile. */
    public CompletableFuture<IceParameters> restartIce() {
        return engine.loop().call(() -> {
            requireOpen();
            iceParameters = ice.restartIce();
            return iceParameters;
        });
    }

    /**
     * mediasoup's {@code transport.produce(options)}. Fails with {@code dev.hongyan.media.ortc.OrtcException}
     * for parameters the router cannot receive, and with IllegalStateException for a duplicate id, SSRC,
     * MID or RID on this transport.
     */
    public CompletableFuture<Producer> produce(ProducerOptions options) {
        return engine.loop().call(() -> {
            requireOpen();
            Producer producer = new Producer(engine, router, this, options);
            for (Producer other : producers.values()) {
                String mid = producer.rtpParameters().mid();
                if (mid != null && mid.equals(other.rtpParameters().mid())) {
                    throw new IllegalStateException("MID \"" + mid + "\" already in use on this transport");
                }
            }
            for (StreamRef ref : producer.staticSsrcRefs()) {
                if (inboundSsrcs.get(ref.ssrc()) != null) {
                    throw new IllegalStateException("SSRC " + Integer.toUnsignedString(ref.ssrc()) + " already in use");
                }
            }
            router.addProducer(producer);
            for (StreamRef ref : producer.staticSsrcRefs()) {
                inboundSsrcs.put(ref.ssrc(), ref);
            }
            producers.put(producer.id(), producer);
            producerList = List.copyOf(producers.values());
            return producer;
        });
    }

    /**
     * mediasoup's {@code transport.consume(options)}: fails when the producer is unknown or the
     * capabilities cannot receive it. The consumer starts paused unless {@code options.paused()} is false.
     */
    public CompletableFuture<Consumer> consume(ConsumerOptions options) {
        return engine.loop().call(() -> {
            requireOpen();
            Producer producer = router.producer(options.producerId());
            if (producer == null || producer.closed()) {
                throw new IllegalArgumentException("Producer with id \"" + options.producerId() + "\" not found");
            }
            if (!router.ortc().canConsume(producer.consumableRtpParameters(), options.rtpCapabilities())) {
                throw new IllegalArgumentException("cannot consume producer \"" + options.producerId() + "\"");
            }
            RtpParameters params = router.ortc().getConsumerRtpParameters(producer.consumableRtpParameters(),
                    options.rtpCapabilities(), false, options.enableRtx());
            String mid = options.mid() != null ? options.mid() : Integer.toString(nextMid++);
            Consumer consumer = new Consumer(engine, this, producer, params.withMid(mid), options);
            consumers.put(consumer.id(), consumer);
            consumerList = List.copyOf(consumers.values());
            consumersBySsrc.put(consumer.ssrc(), consumer);
            if (consumer.rtxSsrc() != 0) {
                consumersBySsrc.put(consumer.rtxSsrc(), consumer);
            }
            producer.addConsumer(consumer);
            consumer.start(System.nanoTime());
            return consumer;
        });
    }

    /** {@code [webrtc-transport stats]}. */
    public CompletableFuture<List<WebRtcTransportStats>> getStats() {
        return engine.loop().call(() -> List.of(counters.stats(id, System.currentTimeMillis(), iceRole(),
                iceState.value(), selectedTuple, dtlsState.name().toLowerCase(java.util.Locale.ROOT))));
    }

    public boolean closed() {
        return closed;
    }

    /** Closes the transport and its producers and consumers. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> closeInternal(false));
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    // ---- loop-confined internals ----

    void closeFromRouter() {
        closeInternal(true);
    }

    private void closeInternal(boolean routerClosed) {
        if (closed) {
            return;
        }
        closed = true;
        for (Producer p : new ArrayList<>(producers.values())) {
            p.closeFromTransport();
        }
        for (Consumer c : new ArrayList<>(consumers.values())) {
            c.closeFromTransport();
        }
        ice.close();
        dtls.close();
        router.transportClosed(this);
        if (routerClosed) {
            listeners.fire(Listener::onRouterClose);
        }
        listeners.fire(Listener::onClose);
        listeners.clear();
    }

    void producerClosed(Producer producer) {
        producers.remove(producer.id());
        producerList = List.copyOf(producers.values());
        for (StreamRef ref : inboundSsrcs.values()) {
            if (ref.producer() == producer) {
                inboundSsrcs.remove(ref.ssrc());
            }
        }
        if (srtp != null) {
            for (int ssrc : producer.knownSsrcs()) {
                srtp.removeInboundSsrc(ssrc);
            }
        }
    }

    void consumerClosed(Consumer consumer) {
        consumers.remove(consumer.id());
        consumerList = List.copyOf(consumers.values());
        consumersBySsrc.remove(consumer.ssrc());
        if (consumer.rtxSsrc() != 0) {
            consumersBySsrc.remove(consumer.rtxSsrc());
        }
        if (srtp != null) {
            srtp.removeOutboundSsrc(consumer.ssrc());
            if (consumer.rtxSsrc() != 0) {
                srtp.removeOutboundSsrc(consumer.rtxSsrc());
            }
        }
    }

    List<Producer> producerList() {
        return producerList;
    }

    List<Consumer> consumerList() {
        return consumerList;
    }

    boolean connected() {
        return srtp != null && !closed;
    }

    int nextTransportCcSeq() {
        transportCcSeq = (transportCcSeq + 1) & 0xFFFF;
        return transportCcSeq;
    }

    /** Protects in place and sends; {@code buf} needs room for the SRTP tag after {@code len}. */
    boolean sendRtp(byte[] buf, int len, boolean retransmission) {
        SrtpSession s = srtp;
        if (s == null) {
            return false;
        }
        int n = s.protectRtp(buf, 0, len);
        if (n < 0) {
            return false;
        }
        counters.onRtpSent(n, retransmission);
        return ice.send(buf, 0, n);
    }

    void sendRtcp(List<? extends RtcpPacket> packets) {
        rtcp.send(packets);
    }

    /** A generic NACK for {@code count} sequence numbers of {@code seqs} of an inbound stream. */
    void sendNack(int mediaSsrc, int[] seqs, int count) {
        rtcp.sendNack(mediaSsrc, seqs, count);
    }

    /**
     * A video producer stream's first packet: send a REMB at once. libwebrtc takes a REMB received in
     * its first 2 s ("start phase", before any loss report) as its initial estimate; the periodic one
     * comes only with the next RTCP tick.
     */
    void onVideoStreamStarted() {
        rtcp.sendRemb();
    }

    boolean sendRtcpBytes(byte[] buf, int len) {
        SrtpSession s = srtp;
        if (s == null) {
            return false;
        }
        int n = s.protectRtcp(buf, 0, len);
        if (n < 0) {
            return false;
        }
        counters.onRtcpSent(n);
        return ice.send(buf, 0, n);
    }

    void onRtcpTick(long nowNanos, long epochMillis) {
        counters.updateBitrates(nowNanos);
        for (Producer p : producerList) {
            p.onSecondTick(nowNanos);
        }
        for (Consumer c : consumerList) {
            c.onSecondTick(nowNanos);
        }
        if (connected()) {
            rtcp.sendReports(nowNanos, epochMillis);
        }
    }

    void onFastTick(long nowNanos) {
        if (!connected()) {
            return;
        }
        for (Producer p : producerList) {
            p.onFastTick(nowNanos);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
    }

    private void maybeStartDtls() {
        boolean iceUp = iceState == IceState.CONNECTED || iceState == IceState.COMPLETED;
        if (dtlsStarted || remoteDtls == null || !iceUp || closed) {
            return;
        }
        dtlsStarted = true;
        try {
            dtls.start(remoteDtls);
            setDtlsState(DtlsState.CONNECTING);
        } catch (RuntimeException e) {
            log.debug("transport {}: DTLS start failed: {}", id, e.toString());
            setDtlsState(DtlsState.FAILED);
        }
    }

    private void setDtlsState(DtlsState state) {
        if (dtlsState == state || (dtlsState.isTerminal() && state != DtlsState.CLOSED)) {
            return;
        }
        dtlsState = state;
        listeners.fire(l -> l.onDtlsStateChange(state));
    }

    private void onKeys(SrtpKeyMaterial keys) {
        if (closed) {
            return;
        }
        srtp = new SrtpSession(keys.profile(),
                new SrtpMasterKey(keys.localMasterKey(), keys.localMasterSalt()),
                new SrtpMasterKey(keys.remoteMasterKey(), keys.remoteMasterSalt()),
                dev.hongyan.media.srtp.SrtpContext.DEFAULT_REPLAY_WINDOW);
        setDtlsState(DtlsState.CONNECTED);
        long now = System.nanoTime();
        for (Consumer c : consumerList) {
            c.onTransportConnected(now);
        }
    }

    /** The packet path: one datagram from a validated tuple, {@code packet[0, len)}, handled in place. */
    private void onPacket(byte[] packet, int len) {
        long now = System.nanoTime();
        engine.arrivalNanos = now;
        if (closed || len < 2) {
            return;
        }
        counters.onReceived(len);
        PacketClass kind = PacketClass.of(packet[0]);
        if (kind == PacketClass.DTLS) {
            dtls.receive(packet, 0, len);
            return;
        }
        SrtpSession s = srtp;
        if (s == null) {
            return; // media before keys: nothing to decrypt it with
        }
        if (PacketClass.isRtcp(packet)) {
            int n = s.unprotectRtcp(packet, 0, len);
            if (n > 0) {
                rtcp.receive(packet, n, now);
            }
            return;
        }
        int n = s.unprotectRtp(packet, 0, len);
        if (n <= 0) {
            return;
        }
        var view = engine.inView;
        if (!view.wrap(packet, 0, n)) {
            return;
        }
        engine.receivedRtpPackets++;
        StreamRef ref = inboundSsrcs.get(view.ssrc());
        if (ref == null) {
            ref = learn(view);
            if (ref == null) {
                s.removeInboundSsrc(view.ssrc()); // dropped: keep no SRTP state for it either
                return;
            }
        }
        counters.onRtpReceived(n, ref.rtx());
        ref.producer().receiveRtp(ref, view, now);
    }

    /** An SSRC not seen before: find its producer stream by MID and RID (RFC 8852), then remember it. */
    private StreamRef learn(dev.hongyan.media.rtp.RtpPacket view) {
        for (Producer p : producerList) {
            StreamRef ref = p.match(view);
            if (ref != null) {
                inboundSsrcs.put(ref.ssrc(), ref);
                return ref;
            }
        }
        return null;
    }

    private final class IceEvents implements IceTransport.Listener {
        @Override
        public void onPacket(byte[] buf, int length) {
            if (engine.loop().inLoop()) {
                WebRtcTransport.this.onPacket(buf, length);
            } else { // another socket's loop: the buffer is that socket's, so the hop takes a copy
                byte[] copy = java.util.Arrays.copyOf(buf, length);
                engine.loop().execute(() -> WebRtcTransport.this.onPacket(copy, copy.length));
            }
        }

        @Override
        public void onStateChange(IceState state) {
            engine.loop().execute(() -> {
                if (state == IceState.CLOSED && closed) {
                    return; // our own close; observers hear onClose
                }
                iceState = state;
                listeners.fire(l -> l.onIceStateChange(state));
                maybeStartDtls();
            });
        }

        @Override
        public void onSelectedTupleChange(InetSocketAddress remote) {
            engine.loop().execute(() -> {
                if (closed) {
                    return;
                }
                TransportTuple tuple = remote == null ? null : new TransportTuple(
                        engine.ice().localAddress().getAddress().getHostAddress(), engine.port(),
                        remote.getAddress().getHostAddress(), remote.getPort(), "udp");
                selectedTuple = tuple;
                listeners.fire(l -> l.onIceSelectedTupleChange(tuple));
            });
        }
    }

    private final class DtlsEvents implements DtlsListener {
        @Override
        public void onConnected(SrtpKeyMaterial keys) {
            engine.loop().execute(() -> onKeys(keys));
        }

        @Override
        public void onFailed(String reason) {
            engine.loop().execute(() -> {
                log.debug("transport {}: DTLS failed: {}", id, reason);
                if (!closed) {
                    setDtlsState(DtlsState.FAILED);
                }
            });
        }

        @Override
        public void onClosed() {
            engine.loop().execute(() -> {
                if (!closed) {
                    setDtlsState(DtlsState.CLOSED);
                }
            });
        }
    }
}
