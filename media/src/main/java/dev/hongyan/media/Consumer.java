package dev.hongyan.media;

import dev.hongyan.media.forwarding.OutboundRtpWriter;
import dev.hongyan.media.forwarding.RtpStreamSend;
import dev.hongyan.media.forwarding.SendHistory;
import dev.hongyan.media.forwarding.SeqRewriter;
import dev.hongyan.media.forwarding.Vp8EncodingContext;
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
import dev.hongyan.media.rtp.Vp8PayloadDescriptor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's Consumer: one producer forwarded to one endpoint with the endpoint's own SSRC, payload
 * types, sequence numbers, timestamps and header extension ids. For a simulcast producer it forwards one
 * encoding at a time (a spatial layer), switching only at a keyframe of the target. For VP8 with simulcast or
 * temporal layers a {@link Vp8EncodingContext} also chooses the temporal layers and keeps PictureID and
 * TL0PICIDX continuous across those switches. Which layers: the preferred ones, held lower when the
 * transport's estimated bandwidth, shared by priority, does not cover them (see {@link LayerAllocator}).
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
    private final Lifecycle<Listener> lifecycle = new Lifecycle<>(Listener::onClose);
    private final PauseState pauseState;
    private volatile boolean producerPaused;
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
    /** Null unless VP8 with simulcast or temporal layers: otherwise the descriptor passes untouched. */
    private final Vp8EncodingContext vp8;
    private final SendHistory history;
    private final RtpStreamSend sendStream;
    private final String cname;
    private int rtxSequence = (int) (Math.random() * 0xFFFF);
    /** A padding-only packet to copy probation padding from; made on first use. */
    private RtpPacket paddingSource;
    private int targetSpatial;
    private int currentSpatial;
    private int targetTemporal = Integer.MAX_VALUE;
    /**
     * Simulcast: the highest layers the transport's bitrate allocation lets this consumer have, or null for
     * no limit (no estimate yet, or not simulcast). Preferred layers still cap it.
     */
    private ConsumerLayers allocatedLayers;

    Consumer(MediaEngine engine, WebRtcTransport transport, Producer producer, RtpParameters params,
            ConsumerOptions options) {
        this.engine = engine;
        this.transport = transport;
        this.producer = producer;
        this.rtpParameters = params;
        this.type = ConsumerType.of(producer.type(), false);
        this.appData = options.appData();
        this.pauseState = new PauseState(options.paused());
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
        int temporalLayers = maxTemporal();
        if (media.mimeType().equalsIgnoreCase("video/VP8") && (simulcast || temporalLayers > 1)) {
            this.vp8 = new Vp8EncodingContext(temporalLayers);
            vp8.setTargetTemporal(targetTemporal);
        } else {
            this.vp8 = null;
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
        return pauseState.paused();
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

    /**
     * 1..255, default 1: how the transport's estimated outgoing bitrate is shared among its simulcast
     * consumers when it is not enough for all of them to have their preferred layers. A higher priority gets
     * layers first, and up to {@code priority} layer steps in each round of the allocation.
     */
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
            if (!pauseState.set(true, lifecycle)) {
                return;
            }
            transport.onLayerDemandChange();
            lifecycle.fire(Listener::onPause);
        });
    }

    /** Forwards again, from the next keyframe (one is requested). */
    public CompletableFuture<Void> resume() {
        return engine.loop().run(() -> {
            if (!pauseState.set(false, lifecycle)) {
                return;
            }
            rewriter.requireSync();
            transport.onLayerDemandChange();
            lifecycle.fire(Listener::onResume);
            requestKeyFrameInternal(System.nanoTime());
        });
    }

    /**
     * Clamped to the layers the producer has; a switch waits for a keyframe of the target (requested). With
     * a bandwidth estimate, the transport's allocation may hold the consumer below them (a raise comes with
     * its next upgrade round, within about a second when the estimate allows it).
     */
    public CompletableFuture<Void> setPreferredLayers(ConsumerLayers layers) {
        return engine.loop().run(() -> {
            if (closed() || (!simulcast && producer.streams[0].temporalLayers <= 1)) {
                return;
            }
            preferredLayers = clamp(layers);
            applyLayerLimits(System.nanoTime());
            if (simulcast) {
                transport.onLayerDemandChange();
            }
        });
    }

    public CompletableFuture<Void> setPriority(int value) {
        return engine.loop().run(() -> {
            if (value < 1 || value > 255) {
                throw new IllegalArgumentException("priority must be 1..255");
            }
            if (priority != value) {
                priority = value;
                transport.onLayerDemandChange();
            }
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
        return lifecycle.closed();
    }

    /** Closes the consumer. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> lifecycle.close(this::release, null));
    }

    public void addListener(Listener listener) {
        lifecycle.add(listener);
    }

    // ---- loop-confined internals ----

    int ssrc() {
        return ssrc;
    }

    int rtxSsrc() {
        return rtxSsrc;
    }

    void closeFromProducer() {
        lifecycle.close(this::release, Listener::onProducerClose);
    }

    void closeFromTransport() {
        lifecycle.close(this::release, Listener::onTransportClose);
    }

    private void release() {
        if (!producer.closed()) {
            producer.removeConsumer(this); // a closing producer drops all its consumers at once
        }
        transport.consumerClosed(this);
    }

    void start(long nowNanos) {
        applyLayerLimits(nowNanos);
        if (!pauseState.paused()) {
            requestKeyFrameInternal(nowNanos);
        }
    }

    void onTransportConnected(long nowNanos) {
        rewriter.requireSync();
        if (!pauseState.paused() && !producerPaused) {
            requestKeyFrameInternal(nowNanos);
        }
    }

    void onProducerPause() {
        producerPaused = true;
        transport.onLayerDemandChange();
        lifecycle.fire(Listener::onProducerPause);
    }

    void onProducerResume(long nowNanos) {
        producerPaused = false;
        rewriter.requireSync();
        transport.onLayerDemandChange();
        lifecycle.fire(Listener::onProducerResume);
        if (!pauseState.paused()) {
            requestKeyFrameInternal(nowNanos);
        }
    }

    /** A producer stream started: for simulcast the best available layer may have changed. */
    void onStreamActivity(long nowNanos) {
        if (simulcast) {
            applyLayerLimits(nowNanos);
            transport.onLayerDemandChange();
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
    void forward(ProducerStream s, RtpPacket p, int routerPt, boolean keyFrame, Vp8PayloadDescriptor vp8Descriptor,
            int audioLevelAt, int orientationAt, long nowNanos) {
        if (pauseState.paused() || producerPaused || closed() || !transport.connected()) {
            return;
        }
        if (s.index != currentSpatial) {
            if (s.index != targetSpatial || !keyFrame) {
                return;
            }
            // The switch happens at a keyframe of the target layer, so the decoder can start from it.
            currentSpatial = s.index;
            rewriter.requireSync();
        }
        boolean anchor = rewriter.syncRequired();
        if (anchor && video && !keyFrame) {
            return; // after a pause or a new anchor, a decoder needs a keyframe first (one was requested)
        }
        if (vp8 != null) {
            int temporalBefore = vp8.currentTemporal();
            boolean pass = vp8.process(vp8Descriptor, keyFrame, p.timestamp(), anchor);
            if (simulcast && (anchor || vp8.currentTemporal() != temporalBefore)) {
                publishLayers();
            }
            if (!pass) {
                rewriter.skip(p.sequenceNumber()); // a dropped picture leaves no sequence gap to NACK
                return;
            }
        } else {
            if (vp8Descriptor != null && vp8Descriptor.temporalLayerId() > targetTemporal) {
                rewriter.skip(p.sequenceNumber());
                return;
            }
            if (anchor && simulcast) {
                publishLayers();
            }
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
        if (vp8 != null) {
            // The payload (and padding) ends the copy, so its descriptor starts this far from the end.
            vp8.write(out, len - (p.length() - p.headerLength()), vp8Descriptor);
        }
        if (history != null) {
            history.put(outSeq, s.index, p.sequenceNumber(), outTs, twcc, nowNanos,
                    vp8 == null ? -1 : vp8.outPictureId(), vp8 == null ? -1 : vp8.outTl0PicIdx());
        }
        sendStream.onSent(len, outTs, nowNanos);
        if (transport.sendRtp(out, len, false)) {
            if (writer.usesTransportCc()) {
                transport.onTransportCcSent(twcc, len, nowNanos);
            }
            engine.forwardedPackets++;
            if (engine.latency != null) {
                engine.latency.onQueued(engine.arrivalNanos, System.nanoTime());
            }
        }
    }

    /**
     * NACK from the receiver: resend what the history and the producer's store still hold. Each packet is
     * resent at most once per max(RTT, 50 ms) (RTT from the receiver's reports, 50 ms while unknown), which
     * also removes duplicates within one NACK, and at most {@link #MAX_RESENDS_PER_NACK} per NACK.
     *
     * <p>Without RTX the packet goes out again on the media SSRC with its own sequence number, hence the
     * same SRTP packet index. It is rebuilt byte for byte as first sent (the same transport-wide sequence
     * number and abs-send-time too), so SRTP produces the very same packet. With a fresh abs-send-time the
     * header would differ under the same index: harmless for AES-CM (same payload, same keystream, a tag over
     * other bytes), but for AES-GCM a second message under one nonce, which gives away the GHASH key and with
     * it forgeries (RFC 7714 wants every IV used once). The receiver never got the first copy, so its replay
     * window accepts this one (RFC 3711 §3.3.2). With RTX the copy is a new packet of the RTX stream, and
     * gets fresh values.
     */
    void onNack(GenericNack nack, long nowNanos) {
        int[] lost = nack.lostSequenceNumbers();
        sendStream.onNack(lost.length);
        if (history == null || closed()) {
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
            boolean rtx = rtxPayloadType >= 0;
            int twcc = !writer.usesTransportCc() ? 0
                    : rtx ? transport.nextTransportCcSeq() : history.transportCcSeq(entry);
            byte[] out = engine.sendBuffer;
            int len;
            if (rtx) {
                rtxSequence = (rtxSequence + 1) & 0xFFFF;
                len = writer.writeRtx(stored, audioAt, orientationAt, twcc, nowNanos, rtxSsrc, rtxPayloadType,
                        rtxSequence, seq, history.outTimestamp(entry), out);
            } else {
                len = writer.write(stored, audioAt, orientationAt, twcc, history.sentNanos(entry), ssrc, pt, seq,
                        history.outTimestamp(entry), out);
            }
            if (len < 0) {
                continue;
            }
            if (vp8 != null) {
                // The payload ends the copy (RTX: without padding, after the OSN), so its descriptor starts
                // this far from the end.
                int payloadAt = rtx ? len - stored.payloadLength() : len - (stored.length() - stored.headerLength());
                Vp8PayloadDescriptor resent = engine.resentVp8;
                if (resent.parse(out, payloadAt, stored.payloadLength())) {
                    Vp8EncodingContext.write(out, payloadAt, resent, history.pictureId(entry), history.tl0PicIdx(entry));
                }
            }
            if (transport.sendRtp(out, len, true)) {
                if (writer.usesTransportCc()) {
                    transport.onTransportCcSent(twcc, len, nowNanos);
                }
                sendStream.onRetransmitted(len);
            }
        }
    }

    /**
     * Whether probation padding can go out on this consumer's RTX stream: RTX and transport-cc negotiated
     * (padding the receiver does not acknowledge shows nothing), and media already sent (so the endpoint
     * has its stream set up).
     */
    boolean canCarryPadding() {
        return rtxPayloadType >= 0 && writer.usesTransportCc() && !closed() && transport.connected()
                && sendStream.packetCount() > 0;
    }

    /**
     * Writes one padding-only packet of the RTX stream into {@code out}: RTP padding (RFC 3550 §5.1) and no
     * payload, not even an original sequence number, as libwebrtc probes. Receivers count it for
     * transport-cc feedback and drop it. Returns its length, or -1.
     */
    int writePadding(byte[] out, int transportCcSeq, long nowNanos) {
        if (paddingSource == null) {
            byte[] template = new byte[RtpPacket.FIXED_HEADER_LENGTH + 255];
            template[0] = (byte) 0xA0; // version 2, padding
            template[template.length - 1] = (byte) 255; // the padding's own length, this byte included
            paddingSource = new RtpPacket();
            paddingSource.wrap(template, 0, template.length);
        }
        rtxSequence = (rtxSequence + 1) & 0xFFFF;
        return writer.write(paddingSource, -1, -1, transportCcSeq, nowNanos, rtxSsrc, rtxPayloadType, rtxSequence,
                rewriter.outTs(), out);
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
        if (sendStream.packetCount() == 0 || closed()) {
            return;
        }
        out.add(sendStream.senderReport(epochMillis, nowNanos));
        out.add(SourceDescription.cname(ssrc, cname));
    }

    /**
     * What this consumer would send with no bandwidth limit, bit/s, for the transport's desired bitrate
     * (mediasoup's): for simulcast the costliest active stream up to the preferred layers, else the stream as
     * received (up to the temporal layer forwarded); 0 while paused.
     */
    long desiredBitrate() {
        if (closed() || pauseState.paused() || producerPaused) {
            return 0;
        }
        if (!simulcast) {
            long layers = producer.streams[0].bitrate(targetTemporal);
            return layers > 0 ? layers : producer.streams[0].recv.bitrate();
        }
        long now = System.nanoTime();
        int preferred = preferredLayers == null ? producer.streams.length - 1 : preferredLayers.spatialLayer();
        int temporal = preferredTemporal();
        long desired = 0;
        for (int i = 0; i <= preferred && i < producer.streams.length; i++) {
            ProducerStream s = producer.streams[i];
            if (s.active(now)) {
                long layers = s.bitrate(temporal);
                desired = Math.max(desired, layers > 0 ? layers : s.recv.bitrate());
            }
        }
        return desired;
    }

    /**
     * This consumer for the transport's {@link LayerAllocator}: simulcast ones that forward offer their
     * active layers with the bitrates the producer measures; everything else sends what it sends. While an
     * active stream has no measured bitrate yet (its first second or two) the consumer stays where it is,
     * counted at what it forwards: guessing the cost of a layer would only switch layers twice.
     */
    LayerAllocator.Demand demand(long nowNanos) {
        if (!simulcast || closed() || pauseState.paused() || producerPaused) {
            return LayerAllocator.Demand.fixed(priority, desiredBitrate());
        }
        ProducerStream[] streams = producer.streams;
        long[][] rates = new long[streams.length][];
        for (int i = 0; i < streams.length; i++) {
            ProducerStream s = streams[i];
            if (!s.active(nowNanos)) {
                continue;
            }
            if (s.bitrate(0) <= 0) {
                return LayerAllocator.Demand.fixed(priority, forwardedBitrate());
            }
            rates[i] = new long[s.temporalLayers];
            for (int t = 0; t < s.temporalLayers; t++) {
                rates[i][t] = s.bitrate(t);
            }
        }
        return LayerAllocator.Demand.layered(priority, rates, preferredLayers, allocatedLayers);
    }

    /** bit/s of the stream and temporal layers aimed at now (the stream's whole bitrate until layers are measured). */
    private long forwardedBitrate() {
        int stream = targetSpatial >= 0 ? targetSpatial : currentSpatial;
        if (stream < 0) {
            return 0;
        }
        ProducerStream s = producer.streams[stream];
        long layers = s.bitrate(targetTemporal);
        return layers > 0 ? layers : s.recv.bitrate();
    }

    /** The allocation's verdict: at most these layers (null: no limit). Switches wait for keyframes as ever. */
    void allocate(ConsumerLayers layers, long nowNanos) {
        if (!simulcast || java.util.Objects.equals(layers, allocatedLayers)) {
            return;
        }
        allocatedLayers = layers;
        applyLayerLimits(nowNanos);
    }

    void onSecondTick(long nowNanos) {
        sendStream.updateBitrate(nowNanos);
        if (simulcast) {
            applyLayerLimits(nowNanos);
        }
    }

    /**
     * Re-aims after a change of preferred layers, allocation or stream activity: the spatial target first,
     * then the temporal layer (down at once; up waits for a layer-sync picture).
     */
    private void applyLayerLimits(long nowNanos) {
        if (simulcast) {
            updateTarget(nowNanos);
        }
        int temporal = temporalLimit();
        if (temporal != targetTemporal) {
            targetTemporal = temporal;
            if (vp8 != null) {
                vp8.setTargetTemporal(temporal);
                if (currentSpatial >= 0 && simulcast) {
                    publishLayers();
                }
            }
        }
    }

    /** The preferred temporal layer; {@link Integer#MAX_VALUE} when none is set (every layer is wanted). */
    private int preferredTemporal() {
        ConsumerLayers preferred = preferredLayers; // read once: volatile
        return preferred == null || preferred.temporalLayer() == null ? Integer.MAX_VALUE : preferred.temporalLayer();
    }

    /** The preferred temporal layer, lowered by the allocation when it limits the spatial layer aimed at. */
    private int temporalLimit() {
        int temporal = preferredTemporal();
        ConsumerLayers allocated = allocatedLayers;
        if (allocated != null && allocated.temporalLayer() != null && targetSpatial == allocated.spatialLayer()) {
            temporal = Math.min(temporal, allocated.temporalLayer());
        }
        return temporal;
    }

    /**
     * Simulcast: aim at the preferred spatial layer, lowered to what the transport's bitrate allocation grants
     * (see {@link LayerAllocator}), or the best active one below it (else the lowest active, whatever the
     * allocation says); a new target gets a keyframe request, and the switch itself waits for that keyframe.
     */
    private void updateTarget(long nowNanos) {
        ProducerStream[] streams = producer.streams;
        int preferred = preferredLayers == null ? streams.length - 1 : preferredLayers.spatialLayer();
        if (allocatedLayers != null) {
            preferred = Math.min(preferred, allocatedLayers.spatialLayer());
        }
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
            if (target >= 0 && target != currentSpatial && !pauseState.paused() && !producerPaused) {
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

    /** Tells the listeners what is forwarded now, if that changed. */
    private void publishLayers() {
        if (currentSpatial < 0) {
            return;
        }
        int temporal = vp8 != null && vp8.currentTemporal() >= 0 ? vp8.currentTemporal()
                : Math.min(targetTemporal, producer.streams[currentSpatial].temporalLayers - 1);
        ConsumerLayers layers = new ConsumerLayers(currentSpatial, temporal);
        if (layers.equals(currentLayers)) {
            return;
        }
        currentLayers = layers;
        lifecycle.fire(l -> l.onLayersChange(layers));
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
            lifecycle.fire(l -> l.onScore(next));
        }
    }
}
