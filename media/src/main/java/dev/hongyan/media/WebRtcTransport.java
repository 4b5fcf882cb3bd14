package dev.hongyan.media;

import dev.hongyan.media.bwe.BweTraceInfo;
import dev.hongyan.media.bwe.SendSideEstimator;
import dev.hongyan.media.bwe.TransportCongestionControlClient;
import dev.hongyan.media.bwe.TransportCongestionControlServer;
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
import dev.hongyan.media.rtcp.TransportCcFeedback;
import dev.hongyan.media.rtp.RtpExtensions;
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

        /**
         * A trace event of a type enabled with {@link #enableTraceEvent}: {@code "bwe"} every ~2 s, or on a
         * change of 20% or more, once the endpoint's transport-cc feedback (or REMB) gives an estimate of the
         * path to it. The same estimate is shared among the simulcast consumers' layers (see {@link LayerAllocator}).
         */
        default void onTrace(TransportTraceEvent trace) {}

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
    private final Lifecycle<Listener> lifecycle = new Lifecycle<>(Listener::onClose);
    private final TransportRtcp rtcp;
    /** SSRC we put in RTCP we originate (RR, feedback). */
    final int rtcpSsrc = RANDOM.nextInt() | 1;
    /**
     * The REMB value sent to video producers' senders (mediasoup's maxIncomingBitrate), bit/s: a ceiling on
     * the sender's own estimate, which our transport-cc feedback drives when it was negotiated.
     */
    final long maxIncomingBitrate;
    /** Where the estimate of the path to the endpoint starts (mediasoup's initialAvailableOutgoingBitrate), bit/s. */
    private final long initialAvailableOutgoingBitrate;

    private volatile IceParameters iceParameters;
    private volatile IceState iceState = IceState.NEW;
    private volatile TransportTuple selectedTuple;
    private volatile DtlsState dtlsState = DtlsState.NEW;

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
    /** Receive side of transport-cc: made when a producer negotiates it. */
    private TransportCongestionControlServer tccServer;
    /** Send side: made when the first packet stamped with our transport-wide sequence goes out, or a REMB comes. */
    private TransportCongestionControlClient tccClient;
    private boolean traceBwe;
    /** Shares the estimate among the consumers' layers; runs on estimates, ticks and consumer changes. */
    private final LayerAllocator allocator = new LayerAllocator();
    private boolean allocationDue;
    final TransportCounters counters = new TransportCounters();

    WebRtcTransport(MediaEngine engine, Router router, WebRtcTransportOptions options) {
        this.engine = engine;
        this.router = router;
        this.appData = options.appData();
        this.maxIncomingBitrate = options.maxIncomingBitrate();
        this.initialAvailableOutgoingBitrate = options.initialAvailableOutgoingBitrate();
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
            if (producer.transportCcId != 0 && tccServer == null) {
                // One sequence space per transport: every producer of the endpoint uses the router's id.
                tccServer = new TransportCongestionControlServer(producer.transportCcId, rtcpSsrc,
                        feedback -> rtcp.send(List.of(feedback)));
            }
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
            long now = System.nanoTime();
            allocateLayers(now); // before start(), so the first keyframe request is for the layer it will get
            consumer.start(now);
            return consumer;
        });
    }

    /** {@code [webrtc-transport stats]}. */
    public CompletableFuture<List<WebRtcTransportStats>> getStats() {
        return engine.loop().call(() -> {
            long available = currentEstimate();
            return List.of(counters.stats(id, System.currentTimeMillis(), available < 0 ? null : available,
                    iceRole(), iceState.value(), selectedTuple, dtlsState.name().toLowerCase(java.util.Locale.ROOT)));
        });
    }

    /**
     * mediasoup's {@code enableTraceEvent(types)}: the types to report through {@link Listener#onTrace}.
     * Only {@code "bwe"} is ever emitted; other types are accepted and stay silent.
     */
    public CompletableFuture<Void> enableTraceEvent(List<String> types) {
        List<String> copy = List.copyOf(types);
        return engine.loop().run(() -> traceBwe = copy.contains(TransportTraceEvent.BWE));
    }

    /** The estimated bitrate of the path to the endpoint (bit/s), or -1 until its feedback gives one. */
    public CompletableFuture<Long> availableOutgoingBitrate() {
        return engine.loop().call(this::currentEstimate);
    }

    private long currentEstimate() {
        return tccClient != null && tccClient.hasEstimate() ? tccClient.availableBitrate() : -1L;
    }

    public boolean closed() {
        return lifecycle.closed();
    }

    /** Closes the transport and its producers and consumers. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> lifecycle.close(this::release, null));
    }

    public void addListener(Listener listener) {
        lifecycle.add(listener);
    }

    // ---- loop-confined internals ----

    void closeFromRouter() {
        lifecycle.close(this::release, Listener::onRouterClose);
    }

    private void release() {
        for (Producer p : new ArrayList<>(producers.values())) {
            p.closeFromTransport();
        }
        for (Consumer c : new ArrayList<>(consumers.values())) {
            c.closeFromTransport();
        }
        ice.close();
        dtls.close();
        router.transportClosed(this);
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
        allocationDue = true;
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
        return srtp != null && !closed();
    }

    int nextTransportCcSeq() {
        transportCcSeq = (transportCcSeq + 1) & 0xFFFF;
        return transportCcSeq;
    }

    /** A packet stamped with our transport-wide sequence {@code seq} went out: the estimator needs when and how big. */
    void onTransportCcSent(int seq, int len, long nowNanos) {
        client().onPacketSent(seq, len, nowNanos);
    }

    void onTransportCcFeedback(TransportCcFeedback feedback, long nowNanos) {
        if (tccClient != null) {
            tccClient.onFeedback(feedback, nowNanos);
            allocateLayers(nowNanos);
            maybeTraceBwe(nowNanos);
        }
    }

    /** A REMB from the endpoint (consumers that negotiated goog-remb rather than transport-cc). */
    void onRemb(long bitrate, long nowNanos) {
        client().onRemb(bitrate);
        allocateLayers(nowNanos);
        maybeTraceBwe(nowNanos);
    }

    /** A consumer was paused, resumed, re-prioritised or got other preferred layers: reallocate on the next tick. */
    void onLayerDemandChange() {
        allocationDue = true;
    }

    /**
     * Shares the estimate among the consumers' layers (see {@link LayerAllocator}). Without an estimate
     * nothing is limited: consumers follow their preferred layers.
     */
    private void allocateLayers(long nowNanos) {
        allocationDue = false;
        List<Consumer> list = consumerList;
        if (list.isEmpty()) {
            return;
        }
        long available = currentEstimate();
        List<LayerAllocator.Demand> demands = new ArrayList<>(list.size());
        for (Consumer c : list) {
            demands.add(c.demand(nowNanos));
        }
        LayerAllocator.Allocation allocation = allocator.allocate(available, demands, nowNanos);
        for (int i = 0; i < list.size(); i++) {
            if (demands.get(i).adaptable()) {
                list.get(i).allocate(allocation.layers().get(i), nowNanos);
            }
        }
        if (allocation.wantedBitrate() > 0 && tccClient != null) {
            tccClient.wantBitrate(allocation.wantedBitrate(), nowNanos);
        }
    }

    /**
     * While a probe runs, the padding it asks for, on the RTX stream of the first consumer that can carry it
     * (any will do: the estimate is the transport's), each packet stamped for transport-cc like media.
     */
    private void sendProbation(long nowNanos) {
        int due = tccClient.paddingDue(nowNanos);
        if (due <= 0) {
            return;
        }
        Consumer carrier = null;
        for (Consumer c : consumerList) {
            if (c.canCarryPadding()) {
                carrier = c;
                break;
            }
        }
        while (carrier != null && due > 0) {
            int seq = nextTransportCcSeq();
            int len = carrier.writePadding(engine.sendBuffer, seq, nowNanos);
            if (len < 0 || !sendPadding(engine.sendBuffer, len)) {
                return;
            }
            onTransportCcSent(seq, len, nowNanos);
            due -= len;
        }
    }

    /** Like {@link #sendRtp}, counted as probation. */
    private boolean sendPadding(byte[] buf, int len) {
        SrtpSession s = srtp;
        int n = s == null ? -1 : s.protectRtp(buf, 0, len);
        if (n < 0) {
            return false;
        }
        counters.onProbationSent(n);
        return ice.send(buf, 0, n);
    }

    private TransportCongestionControlClient client() {
        if (tccClient == null) {
            tccClient = new TransportCongestionControlClient(SendSideEstimator.startingAt(initialAvailableOutgoingBitrate));
        }
        return tccClient;
    }

    private void maybeTraceBwe(long nowNanos) {
        if (!traceBwe || tccClient == null) {
            return;
        }
        long desired = 0;
        for (Consumer c : consumerList) {
            desired += c.desiredBitrate();
        }
        tccClient.setDesiredBitrate(desired, nowNanos);
        BweTraceInfo info = tccClient.traceIfDue(nowNanos);
        if (info != null) {
            TransportTraceEvent event = new TransportTraceEvent(TransportTraceEvent.BWE, System.currentTimeMillis(),
                    "out", info);
            lifecycle.fire(l -> l.onTrace(event));
        }
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
        allocateLayers(nowNanos); // stream bitrates and activity were just updated
        maybeTraceBwe(nowNanos);
        if (connected()) {
            rtcp.sendReports(nowNanos, epochMillis);
        }
    }

    void onFastTick(long nowNanos) {
        if (!connected()) {
            return;
        }
        if (allocationDue) {
            allocateLayers(nowNanos);
        }
        if (tccClient != null && tccClient.probing()) {
            sendProbation(nowNanos);
        }
        for (Producer p : producerList) {
            p.onFastTick(nowNanos);
        }
        if (tccServer != null) {
            tccServer.onTick(nowNanos);
        }
    }

    private void requireOpen() {
        lifecycle.requireOpen("transport");
    }

    private void maybeStartDtls() {
        boolean iceUp = iceState == IceState.CONNECTED || iceState == IceState.COMPLETED;
        if (dtlsStarted || remoteDtls == null || !iceUp || closed()) {
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
        lifecycle.fire(l -> l.onDtlsStateChange(state));
    }

    private void onKeys(SrtpKeyMaterial keys) {
        if (closed()) {
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
        if (closed() || len < 2) {
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
        TransportCongestionControlServer tcc = tccServer;
        if (tcc != null) {
            // Before the SSRC lookup: the sender numbers probes and RTX too, and counts what we leave out as lost.
            int wide = RtpExtensions.transportWideSequence(view, tcc.extensionId());
            if (wide >= 0) {
                tcc.onRtpPacket(wide, view.ssrc(), now);
            }
        }
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
                if (state == IceState.CLOSED && closed()) {
                    return; // our own close; observers hear onClose
                }
                iceState = state;
                lifecycle.fire(l -> l.onIceStateChange(state));
                maybeStartDtls();
            });
        }

        @Override
        public void onSelectedTupleChange(InetSocketAddress remote) {
            engine.loop().execute(() -> {
                if (closed()) {
                    return;
                }
                TransportTuple tuple = remote == null ? null : new TransportTuple(
                        engine.ice().localAddress().getAddress().getHostAddress(), engine.port(),
                        remote.getAddress().getHostAddress(), remote.getPort(), "udp");
                selectedTuple = tuple;
                lifecycle.fire(l -> l.onIceSelectedTupleChange(tuple));
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
                if (!closed()) {
                    setDtlsState(DtlsState.FAILED);
                }
            });
        }

        @Override
        public void onClosed() {
            engine.loop().execute(() -> {
                if (!closed()) {
                    setDtlsState(DtlsState.CLOSED);
                }
            });
        }
    }
}
