package dev.hongyan.media;

import dev.hongyan.media.forwarding.OutboundRtpWriter;
import dev.hongyan.media.forwarding.RtpStreamSend;
import dev.hongyan.media.forwarding.SendHistory;
import dev.hongyan.media.forwarding.SeqRewriter;
import dev.hongyan.media.ortc.ConsumerType;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtcpFeedback;
import dev.hongyan.media.ortc.RtpCodecParameters;
import dev.hongyan.media.ortc.RtpEncodingParameters;
import dev.hongyan.media.ortc.RtpHeaderExtensionParameters;
import dev.hongyan.media.ortc.RtpParameters;
import dev.hongyan.media.rtcp.GenericNack;
import dev.hongyan.media.rtcp.ReportBlock;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.rtcp.SourceDescription;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's Consumer: one producer forwarded to one endpoint with the endpoint's own SSRC, payload
 * types, sequence numbers, timestamps and header extension ids. For a simulcast producer it forwards one
 * encoding at a time (a spatial layer), switching only at a keyframe of the target.
 */
public final class Consumer {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The producer closed; the consumer is closed with it ({@link #onClose()} follows). */
        default void onProducerClose() {}

        default void onProducerPause() {}

        default void onProducerResume() {}

        default void onScore(ConsumerScore score) {}

        /** The forwarded layers changed; null when nothing is forwarded now. */
        default void onLayersChange(ConsumerLayers layers) {}

        /** Closed because its transport closed; {@link #onClose()} follows. */
        default void onTransportClose() {}

        default void onPause() {}

        default void onResume() {}

        /** Closed for whatever reason. */
        default void onClose() {}
    }

    /** At most this many packets are resent for one NACK, however many it names. */
    static final int MAX_RESENDS_PER_NACK = 128;
    /** A packet is not resent again within max(RTT, this) of its last resend. */
    static final long MIN_RESEND_INTERVAL_NANOS = 50_000_000L;

    private final String id = UUID.randomUUID().toString();
    private final MediaEngine engine;
    private final WebRtcTransport transport;
    private final Producer producer;
    private final RtpParameters rtpParameters;
    private final ConsumerType type;
    private final Map<String, Object> appData;
    private final Listeners<Listener> listeners = new Listeners<>();
    private volatile boolean paused;
    private volatile boolean producerPaused;
    private volatile boolean closed;
    private volatile ConsumerLayers preferredLayers;
    private volatile ConsumerLayers currentLayers;
    private volatile int priority = 1;
    private volatile ConsumerScore score;

    // Loop-confined.
    private final boolean video;
    private final boolean simulcast;
    private final int ssrc;
    private final int rtxSsrc;
    private final int rtxPayloadType;
    private final int clockRate;
    private final int[] payloadTypes = new int[128];
    private final OutboundRtpWriter writer;
    private final SeqRewriter rewriter = new SeqRewriter();
    private final SendHistory history;
    private final RtpStreamSend sendStream;
    private final String cname;
    private int rtxSequence = (int) (Math.random() * 0xFFFF);
    private int targetSpatial;
    private int currentSpatial;
    private int targetTemporal = Integer.MAX_VALUE;

    Consumer(MediaEngine engine, WebRtcTransport transport, Producer producer, RtpParameters params,
            ConsumerOptions options) {
        this.engine = engine;
        this.transport = transport;
        this.producer = producer;
        this.rtpParameters = params;
        this.type = ConsumerType.of(producer.type(), false);
        this.appData = options.appData();
        this.paused = options.paused();
        this.producerPaused = producer.paused();
        this.video = producer.kind() == MediaKind.VIDEO;
        this.simulcast = type == ConsumerType.SIMULCAST;
        RtpEncodingParameters encoding = params.encodings().get(0);
        this.ssrc = encoding.ssrc().intValue();
        this.rtxSsrc = encoding.rtx() == null ? 0 : (int) encoding.rtx().ssrc();
        Arrays.fill(payloadTypes, -1);
        RtpCodecParameters media = null;
        int rtxPt = -1;
        boolean nack = false;
        for (RtpCodecParameters c : params.codecs()) {
            if (c.isRtx()) {
                if (rtxPt < 0) {
                    rtxPt = c.payloadType();
                }
            } else {
                if (media == null) {
                    media = c;
                }
                // Consumer payload types are the router's (mediasoup keeps them through consumable params).
                payloadTypes[c.payloadType() & 0x7F] = c.payloadType();
                for (RtcpFeedback fb : c.rtcpFeedback()) {
                    nack |= fb.type().equals("nack") && fb.parameter().isEmpty();
                }
            }
        }
        if (media == null) {
            throw new IllegalArgumentException("consumer parameters without a media codec");
        }
        this.rtxPayloadType = rtxSsrc != 0 ? rtxPt : -1;
        this.clockRate = media.clockRate();
        this.history = nack ? new SendHistory(video ? 1024 : 256) : null;
        this.sendStream = new RtpStreamSend(ssrc, clockRate);
        this.cname = params.rtcp().cname() != null ? params.rtcp().cname() : "hongyan";
        this.writer = new OutboundRtpWriter(extId(params, RtpExtensions.URI_MID), params.mid(),
                extId(params, RtpExtensions.URI_ABS_SEND_TIME), extId(params, RtpExtensions.URI_TRANSPORT_WIDE_CC),
                extId(params, RtpExtensions.URI_AUDIO_LEVEL), extId(params, RtpExtensions.URI_VIDEO_ORIENTATION));
        int streams = producer.streams.length;
        ConsumerLayers preferred = options.preferredLayers();
        if (simulcast) {
            this.preferredLayers = clamp(preferred != null ? preferred
                    : new ConsumerLayers(streams - 1, maxTemporal() - 1));
            this.targetSpatial = -1;
            this.currentSpatial = -1;
        } else {
            this.targetSpatial = 0;
            this.currentSpatial = 0;
            if (preferred != null && preferred.temporalLayer() != null && producer.streams[0].temporalLayers > 1) {
                this.preferredLayers = clamp(preferred);
            }
        }
        if (preferredLayers != null && preferredLayers.temporalLayer() != null) {
            targetTemporal = preferredLayers.temporalLayer();
        }
        this.score = new ConsumerScore(10, 0, java.util.Collections.nCopies(streams, 0));
    }

    private static int extId(RtpParameters params, String uri) {
        for (RtpHeaderExtensionParameters e : params.headerExtensions()) {
            if (e.uri().equals(uri)) {
                return e.id();
            }
        }
        return 0;
    }

    public String id() {
        return id;
    }

    public String producerId() {
        return producer.id();
    }

    public MediaKind kind() {
        return producer.kind();
    }

    /** What the endpoint receives, with its {@code mid}: give this to mediasoup-client's {@code consume()}. */
    public RtpParameters rtpParameters() {
        return rtpParameters;
    }

    public ConsumerType type() {
        return type;
    }

    public boolean paused() {
        return paused;
    }

    public boolean producerPaused() {
        return producerPaused;
    }

    /** Null for simple consumers. */
    public ConsumerLayers preferredLayers() {
        return preferredLayers;
    }

    /** What is forwarded now; null for simple consumers and while nothing is forwarded. */
    public ConsumerLayers currentLayers() {
        return currentLayers;
    }

    /** 1..255, default 1. Stored and reported; it weighs nothing until bandwidth estimation exists. */
    public int priority() {
        return priority;
    }

    public ConsumerScore score() {
        return score;
    }

    public Map<String, Object> appData() {
        return appData;
    }

    public CompletableFuture<Void> pause() {
        return engine.loop().run(() -> {
            if (closed || paused) {
                return;
            }
            paused = true;
            listeners.fire(Listener::onPause);
        });
    }

    /** Forwards again, from the next keyframe (one is requested). */
    public CompletableFuture<Void> resume() {
        return engine.loop().run(() -> {
            if (closed || !paused) {
                return;
            }
            paused = false;
            rewriter.requireSync();
            listeners.fire(Listener::onResume);
            requestKeyFrameInternal(System.nanoTime());
        });
    }

    /** Clamped to the layers the producer has; a switch waits for a keyframe of the target (requested). */
    public CompletableFuture<Void> setPreferredLayers(ConsumerLayers layers) {
        return engine.loop().run(() -> {
            if (closed || (!simulcast && producer.streams[0].temporalLayers <= 1)) {
                return;
            }
            preferredLayers = clamp(layers);
            targetTemporal = preferredLayers.temporalLayer() == null ? Integer.MAX_VALUE
                    : preferredLayers.temporalLayer();
            if (simulcast) {
                updateTarget(System.nanoTime());
            }
        });
    }

    public CompletableFuture<Void> setPriority(int value) {
        return engine.loop().run(() -> {
            if (value < 1 || value > 255) {
                throw new IllegalArgumentException("priority must be 1..255");
            }
            priority = value;
        });
    }

    /** Asks the producer's endpoint for a keyframe (PLI, or FIR when only FIR was negotiated). */
    public CompletableFuture<Void> requestKeyFrame() {
        return engine.loop().run(() -> requestKeyFrameInternal(System.nanoTime()));
    }

    /** {@code [outbound-rtp of this consumer, inbound-rtp of the producer stream forwarded]}. */
    public CompletableFuture<List<RtpStreamStats>> getStats() {
        return engine.loop().call(() -> {
            long ts = System.currentTimeMillis();
            List<RtpStreamStats> out = new ArrayList<>(2);
            RtpStreamSend s = sendStream;
            RtpCodecParameters media = rtpParameters.codecs().get(0);
            out.add(new RtpStreamStats(RtpStreamStats.OUTBOUND, ts, Integer.toUnsignedLong(ssrc),
                    rtxSsrc == 0 ? null : Integer.toUnsignedLong(rtxSsrc), null, kind().value(), media.mimeType(),
                    s.packetsLost(), s.fractionLost(), 0, s.packetsRetransmitted(), s.packetsRepaired(),
                    s.nackCount(), s.nackPacketCount(), s.pliCount(), s.firCount(), s.score(), s.packetCount(),
                    s.byteCount(), s.bitrate(), s.roundTripMillis() < 0 ? null : s.roundTripMillis(), null));
            int idx = currentSpatial >= 0 ? currentSpatial : 0;
            ProducerStream ps = producer.streams[idx];
            if (ps.recv.started()) {
                out.add(producer.inboundStats(ps, ts));
            }
            return out;
        });
    }

    public boolean closed() {
        return closed;
    }

    /** Closes the consumer. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> {
            if (closed) {
                return;
            }
            closeQuietly();
            listeners.fire(Listener::onClose);
            listeners.clear();
        });
    }

    public void addListener(Listener listener) {
        listeners.add(listener);
    }

    // ---- loop-confined internals ----

    int ssrc() {
        return ssrc;
    }

    int rtxSsrc() {
        return rtxSsrc;
    }

    private void closeQuietly() {
        closed = true;
        producer.removeConsumer(this);
        transport.consumerClosed(this);
    }

    void closeFromProducer() {
        if (closed) {
            return;
        }
        closed = true;
        transport.consumerClosed(this);
        listeners.fire(Listener::onProducerClose);
        listeners.fire(Listener::onClose);
        listeners.clear();
    }

    void closeFromTransport() {
        if (closed) {
            return;
        }
        closeQuietly();
        listeners.fire(Listener::onTransportClose);
        listeners.fire(Listener::onClose);
        listeners.clear();
    }

    void start(long nowNanos) {
        if (simulcast) {
            updateTarget(nowNanos);
        }
        if (!paused) {
            requestKeyFrameInternal(nowNanos);
        }
    }

    void onTransportConnected(long nowNanos) {
        rewriter.requireSync();
        if (!paused && !producerPaused) {
            requestKeyFrameInternal(nowNanos);
        }
    }

    void onProducerPause() {
        producerPaused = true;
        listeners.fire(Listener::onProducerPause);
    }

    void onProducerResume(long nowNanos) {
        producerPaused = false;
        rewriter.requireSync();
        listeners.fire(Listener::onProducerResume);
        if (!paused) {
            requestKeyFrameInternal(nowNanos);
        }
    }

    /** A producer stream started: for simulcast the best available layer may have changed. */
    void onStreamActivity(long nowNanos) {
        if (simulcast) {
            updateTarget(nowNanos);
        }
    }

    private void requestKeyFrameInternal(long nowNanos) {
        if (!video) {
            return;
        }
        int stream = simulcast ? (targetSpatial >= 0 ? targetSpatial : currentSpatial) : 0;
        producer.requestKeyFrame(stream, nowNanos);
    }

    /**
     * The hot path: one producer packet, already accounted, to be forwarded if this consumer wants it.
     * Writes into the engine's scratch buffer, so nothing is allocated per packet.
     */
    void forward(ProducerStream s, RtpPacket p, int routerPt, boolean keyFrame, int tid, int audioLevelAt,
            int orientationAt, long nowNanos) {
        if (paused || producerPaused || closed || !transport.connected()) {
            return;
        }
        if (s.index != currentSpatial) {
            if (s.index != targetSpatial || !keyFrame) {
                return;
            }
            // The switch happens at a keyframe of the target layer, so the decoder can start from it.
            currentSpatial = s.index;
            rewriter.requireSync();
            publishLayers();
        }
        if (tid > targetTemporal) {
            rewriter.skip(p.sequenceNumber());
            return;
        }
        if (rewriter.syncRequired() && video && !keyFrame) {
            return; // after a pause or a new anchor, a decoder needs a keyframe first (one was requested)
        }
        if (!rewriter.rewrite(p.sequenceNumber(), p.timestamp(), nowNanos, clockRate)) {
            return;
        }
        int pt = payloadTypes[routerPt & 0x7F];
        if (pt < 0) {
            return;
        }
        byte[] out = engine.sendBuffer;
        int outSeq = rewriter.outSeq();
        int outTs = rewriter.outTs();
        int twcc = writer.usesTransportCc() ? transport.nextTransportCcSeq() : 0;
        int len = writer.write(p, audioLevelAt, orientationAt, twcc, nowNanos, ssrc, pt, outSeq, outTs, out);
        if (len < 0) {
            return;
        }
        if (history != null) {
            history.put(outSeq, s.index, p.sequenceNumber(), outTs);
        }
        sendStream.onSent(len, outTs, nowNanos);
        if (transport.sendRtp(out, len, false)) {
            engine.forwardedPackets++;
            engine.latency.onQueued(engine.arrivalNanos, System.nanoTime());
        }
    }

    /**
     * NACK from the receiver: resend what the history and the producer's store still hold. Each packet is
     * resent at most once per max(RTT, 50 ms) (RTT from the receiver's reports, 50 ms while unknown), which
     * also removes duplicates within one NACK, and at most {@link #MAX_RESENDS_PER_NACK} per NACK.
     */
    void onNack(GenericNack nack, long nowNanos) {
        int[] lost = nack.lostSequenceNumbers();
        sendStream.onNack(lost.length);
        if (history == null || closed) {
            return;
        }
        double rtt = sendStream.roundTripMillis();
        long minInterval = rtt > 0 ? Math.max(MIN_RESEND_INTERVAL_NANOS, (long) (rtt * 1_000_000L))
                : MIN_RESEND_INTERVAL_NANOS;
        int resends = 0;
        for (int seq : lost) {
            if (resends >= MAX_RESENDS_PER_NACK) {
                break;
            }
            int entry = history.find(seq);
            if (entry < 0 || !history.claimResend(entry, nowNanos, minInterval)) {
                continue;
            }
            resends++;
            ProducerStream s = producer.streams[history.stream(entry)];
            if (s.store == null) {
                continue;
            }
            int slot = s.store.find(history.srcSeq(entry));
            if (slot < 0) {
                continue;
            }
            RtpPacket stored = engine.storeView;
            if (!stored.wrap(s.store.buffer(slot), 0, s.store.length(slot))) {
                continue;
            }
            int pt = payloadTypes[producer.mappedPayloadType(stored.payloadType())];
            if (pt < 0) {
                continue;
            }
            int audioAt = producer.audioLevelId != 0 ? stored.extensionByteOffset(producer.audioLevelId) : -1;
            int orientationAt = producer.videoOrientationId != 0
                    ? stored.extensionByteOffset(producer.videoOrientationId) : -1;
            int twcc = writer.usesTransportCc() ? transport.nextTransportCcSeq() : 0;
            byte[] out = engine.sendBuffer;
            int len;
            if (rtxPayloadType >= 0) {
                rtxSequence = (rtxSequence + 1) & 0xFFFF;
                len = writer.writeRtx(stored, audioAt, orientationAt, twcc, nowNanos, rtxSsrc, rtxPayloadType,
                        rtxSequence, seq, history.outTimestamp(entry), out);
            } else {
                len = writer.write(stored, audioAt, orientationAt, twcc, nowNanos, ssrc, pt, seq,
                        history.outTimestamp(entry), out);
            }
            if (len < 0) {
                continue;
            }
            if (transport.sendRtp(out, len, true)) {
                sendStream.onRetransmitted(len);
            }
        }
    }

    void onPli(long nowNanos) {
        sendStream.onPli();
        requestKeyFrameInternal(nowNanos);
    }

    void onFir(long nowNanos) {
        sendStream.onFir();
        requestKeyFrameInternal(nowNanos);
    }

    void onReceiverReport(ReportBlock block, long epochMillis) {
        int before = sendStream.score();
        sendStream.onReceiverReport(block, epochMillis);
        if (sendStream.score() != before) {
            publishScore();
        }
    }

    void onProducerScore() {
        publishScore();
    }

    void collectSenderReport(List<RtcpPacket> out, long nowNanos, long epochMillis) {
        if (sendStream.packetCount() == 0 || closed) {
            return;
        }
        out.add(sendStream.senderReport(epochMillis, nowNanos));
        out.add(SourceDescription.cname(ssrc, cname));
    }

    void onSecondTick(long nowNanos) {
        sendStream.updateBitrate(nowNanos);
        if (simulcast) {
            updateTarget(nowNanos);
        }
    }

    /**
     * Simulcast: aim at the preferred spatial layer, or the best active one below it (else the lowest active);
     * a new target gets a keyframe request, and the switch itself waits for that keyframe.
     */
    private void updateTarget(long nowNanos) {
        ProducerStream[] streams = producer.streams;
        int preferred = preferredLayers == null ? streams.length - 1 : preferredLayers.spatialLayer();
        int target = -1;
        for (int i = Math.min(preferred, streams.length - 1); i >= 0; i--) {
            if (streams[i].active(nowNanos)) {
                target = i;
                break;
            }
        }
        if (target < 0) {
            for (int i = preferred + 1; i < streams.length; i++) {
                if (streams[i].active(nowNanos)) {
                    target = i;
                    break;
                }
            }
        }
        if (target != targetSpatial) {
            targetSpatial = target;
            if (target >= 0 && target != currentSpatial && !paused && !producerPaused) {
                producer.requestKeyFrame(target, nowNanos);
            }
        }
    }

    private ConsumerLayers clamp(ConsumerLayers layers) {
        int spatial = Math.max(0, Math.min(layers.spatialLayer(), producer.streams.length - 1));
        Integer temporal = layers.temporalLayer() == null ? null
                : Math.max(0, Math.min(layers.temporalLayer(), maxTemporal() - 1));
        return new ConsumerLayers(spatial, temporal);
    }

    private int maxTemporal() {
        int max = 1;
        for (ProducerStream s : producer.streams) {
            max = Math.max(max, s.temporalLayers);
        }
        return max;
    }

    private void publishLayers() {
        int temporal = Math.min(targetTemporal, producer.streams[currentSpatial].temporalLayers - 1);
        ConsumerLayers layers = new ConsumerLayers(currentSpatial, temporal);
        currentLayers = layers;
        listeners.fire(l -> l.onLayersChange(layers));
    }

    private void publishScore() {
        List<Integer> producerScores = new ArrayList<>(producer.streams.length);
        for (ProducerStream s : producer.streams) {
            producerScores.add(s.recv.score());
        }
        int idx = currentSpatial >= 0 ? currentSpatial : 0;
        ConsumerScore next = new ConsumerScore(sendStream.score(), producer.streams[idx].recv.score(), producerScores);
        if (!next.equals(score)) {
            score = next;
            listeners.fire(l -> l.onScore(next));
        }
    }
}
