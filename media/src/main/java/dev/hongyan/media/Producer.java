package dev.hongyan.media;

import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.NegotiatedProducer;
import dev.hongyan.media.ortc.ProducerRtpInfo;
import dev.hongyan.media.ortc.ProducerType;
import dev.hongyan.media.ortc.RtcpFeedback;
import dev.hongyan.media.ortc.RtpCodecParameters;
import dev.hongyan.media.ortc.RtpParameters;
import dev.hongyan.media.rtcp.FullIntraRequest;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtcp.ReportBlock;
import dev.hongyan.media.rtcp.SenderReport;
import dev.hongyan.media.rtp.H264;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import dev.hongyan.media.rtp.Rtx;
import dev.hongyan.media.rtp.VideoOrientation;
import dev.hongyan.media.rtp.Vp8PayloadDescriptor;
import dev.hongyan.media.rtp.Vp9Descriptor;
import dev.hongyan.media.forwarding.RtpStreamRecv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's Producer: one track an endpoint sends (one or several RTP streams: simulcast encodings).
 * Closing it closes its consumers, which fire {@link Consumer.Listener#onProducerClose()}.
 */
public final class Producer {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The score list changed (at most once a second per producer). */
        default void onScore(List<ProducerScore> score) {}

        /** The video-orientation header extension (CVO) changed. */
        default void onVideoOrientationChange(VideoOrientation orientation) {}

        default void onPause() {}

        default void onResume() {}

        /** Closed because its transport closed; {@link #onClose()} follows. */
        default void onTransportClose() {}

        /** Closed for whatever reason. */
        default void onClose() {}
    }

    private static final Consumer[] NO_CONSUMERS = new Consumer[0];
    private static final AudioLevelObserver.Entry[] NO_LEVEL_ENTRIES = new AudioLevelObserver.Entry[0];
    private static final int VP8 = 1;
    private static final int VP9 = 2;
    private static final int H264_CODEC = 3;

    private final String id;
    private final MediaEngine engine;
    private final Router router;
    private final WebRtcTransport transport;
    private final NegotiatedProducer negotiated;
    private final ProducerRtpInfo info;
    private final Map<String, Object> appData;
    private final Lifecycle<Listener> lifecycle = new Lifecycle<>(Listener::onClose);
    private final PauseState pauseState;
    private volatile List<ProducerScore> score = List.of();

    // Loop-confined.
    final ProducerStream[] streams;
    private final int[] mappedPayloadType = new int[128];
    private final int[] rtxApt = new int[128];
    private final int codecFamily;
    /** Loop-confined scratch: the VP8 descriptor of the packet being forwarded, parsed once for all consumers. */
    private final Vp8PayloadDescriptor vp8Descriptor = new Vp8PayloadDescriptor();
    private final boolean video;
    private final boolean usePli;
    private final boolean useFir;
    private final boolean nack;
    private final int midId;
    /** Our MID as the bytes a packet's MID extension is compared with (null: none, so no MID matches). */
    private final byte[] midBytes;
    private final int ridId;
    private final int repairedRidId;
    final int audioLevelId;
    final int videoOrientationId;
    /** The transport-wide-cc extension id when transport-cc was negotiated, else 0; the transport reads it. */
    final int transportCcId;
    private Consumer[] consumers = NO_CONSUMERS;
    /** The audio level observers watching this producer, one tally each. */
    private AudioLevelObserver.Entry[] levelEntries = NO_LEVEL_ENTRIES;

    Producer(MediaEngine engine, Router router, WebRtcTransport transport, ProducerOptions options) {
        this.id = options.id() != null ? options.id() : UUID.randomUUID().toString();
        this.engine = engine;
        this.router = router;
        this.transport = transport;
        this.negotiated = router.ortc().negotiateProducer(options.kind(), options.rtpParameters(),
                router.rtpCapabilities());
        this.info = negotiated.info();
        this.appData = options.appData();
        this.pauseState = new PauseState(options.paused());
        this.video = options.kind() == MediaKind.VIDEO;
        Arrays.fill(mappedPayloadType, -1);
        Arrays.fill(rtxApt, -1);
        info.mappedPayloadTypes().forEach((pt, mapped) -> mappedPayloadType[pt & 0x7F] = mapped);
        info.rtxPayloadTypes().forEach((pt, apt) -> rtxApt[pt & 0x7F] = apt);
        RtpCodecParameters main = info.mediaCodecs().values().iterator().next();
        String mime = main.mimeType().toLowerCase(Locale.ROOT);
        this.codecFamily = mime.endsWith("/vp8") ? VP8 : mime.endsWith("/vp9") ? VP9 : mime.endsWith("/h264") ? H264_CODEC : 0;
        this.usePli = hasFeedback(main, "nack", "pli");
        this.useFir = hasFeedback(main, "ccm", "fir");
        this.nack = hasFeedback(main, "nack", "");
        this.midId = info.headerExtensionId(RtpExtensions.URI_MID);
        this.midBytes = RtpExtensions.asciiOrNull(negotiated.rtpParameters().mid());
        this.ridId = info.headerExtensionId(RtpExtensions.URI_RID);
        this.repairedRidId = info.headerExtensionId(RtpExtensions.URI_REPAIRED_RID);
        this.audioLevelId = info.headerExtensionId(RtpExtensions.URI_AUDIO_LEVEL);
        this.videoOrientationId = info.headerExtensionId(RtpExtensions.URI_VIDEO_ORIENTATION);
        this.transportCcId = hasFeedback(main, "transport-cc", "")
                ? info.headerExtensionId(RtpExtensions.URI_TRANSPORT_WIDE_CC) : 0;
        long delayNanos = options.keyFrameRequestDelay() * 1_000_000L;
        this.streams = new ProducerStream[info.encodings().size()];
        for (ProducerRtpInfo.Encoding e : info.encodings()) {
            RtpCodecParameters codec = info.mediaCodecs().getOrDefault(e.codecPayloadType(), main);
            streams[e.index()] = new ProducerStream(e, codec, video, nack, delayNanos);
        }
    }

    private static boolean hasFeedback(RtpCodecParameters codec, String type, String parameter) {
        for (RtcpFeedback fb : codec.rtcpFeedback()) {
            if (fb.type().equals(type) && fb.parameter().equals(parameter)) {
                return true;
            }
        }
        return false;
    }

    public String id() {
        return id;
    }

    public MediaKind kind() {
        return negotiated.kind();
    }

    /** The parameters as the router keeps them (mediasoup's {@code producer.rtpParameters}). */
    public RtpParameters rtpParameters() {
        return negotiated.rtpParameters();
    }

    /** simple, simulcast or svc. */
    public ProducerType type() {
        return negotiated.type();
    }

    public boolean paused() {
        return pauseState.paused();
    }

    /** {@code [{encodingIdx, ssrc, rid?, score}]}, one per stream that has received packets. */
    public List<ProducerScore> score() {
        return score;
    }

    public Map<String, Object> appData() {
        return appData;
    }

    /** Stops forwarding; consumers fire {@code producerpause}. */
    public CompletableFuture<Void> pause() {
        return engine.loop().run(() -> {
            if (!pauseState.set(true, lifecycle)) {
                return;
            }
            lifecycle.fire(Listener::onPause);
            for (Consumer c : consumers) {
                c.onProducerPause();
            }
        });
    }

    /** Forwards again; consumers fire {@code producerresume} and a keyframe is requested. */
    public CompletableFuture<Void> resume() {
        return engine.loop().run(() -> {
            if (!pauseState.set(false, lifecycle)) {
                return;
            }
            lifecycle.fire(Listener::onResume);
            long now = System.nanoTime();
            for (Consumer c : consumers) {
                c.onProducerResume(now);
            }
        });
    }

    /** {@code [inbound-rtp stats]}, one per stream. */
    public CompletableFuture<List<RtpStreamStats>> getStats() {
        return engine.loop().call(() -> {
            List<RtpStreamStats> out = new ArrayList<>();
            long ts = System.currentTimeMillis();
            for (ProducerStream s : streams) {
                if (s.recv.started()) {
                    out.add(inboundStats(s, ts));
                }
            }
            return out;
        });
    }

    public boolean closed() {
        return lifecycle.closed();
    }

    /** Closes the producer and its consumers. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> lifecycle.close(this::release, null));
    }

    public void addListener(Listener listener) {
        lifecycle.add(listener);
    }

    // ---- loop-confined internals ----

    RtpParameters consumableRtpParameters() {
        return negotiated.consumableRtpParameters();
    }

    void closeFromTransport() {
        lifecycle.close(this::release, Listener::onTransportClose);
    }

    private void release() {
        for (Consumer c : consumers) {
            c.closeFromProducer();
        }
        consumers = NO_CONSUMERS;
        router.producerClosed(this);
        transport.producerClosed(this);
    }

    void addConsumer(Consumer consumer) {
        Consumer[] next = Arrays.copyOf(consumers, consumers.length + 1);
        next[consumers.length] = consumer;
        consumers = next;
    }

    void removeConsumer(Consumer consumer) {
        List<Consumer> kept = new ArrayList<>(Arrays.asList(consumers));
        kept.remove(consumer);
        consumers = kept.toArray(NO_CONSUMERS);
    }

    void addAudioLevelEntry(AudioLevelObserver.Entry entry) {
        levelEntries = Arrays.copyOf(levelEntries, levelEntries.length + 1);
        levelEntries[levelEntries.length - 1] = entry;
    }

    void removeAudioLevelEntry(AudioLevelObserver.Entry entry) {
        List<AudioLevelObserver.Entry> kept = new ArrayList<>(Arrays.asList(levelEntries));
        kept.remove(entry);
        levelEntries = kept.toArray(NO_LEVEL_ENTRIES);
    }

    /** SSRCs signalled in the parameters, registered when the producer is created. */
    List<StreamRef> staticSsrcRefs() {
        List<StreamRef> refs = new ArrayList<>();
        for (ProducerStream s : streams) {
            if (s.ssrc != 0) {
                refs.add(new StreamRef(this, s.index, false, s.ssrc));
            }
            if (s.rtxSsrc != 0) {
                refs.add(new StreamRef(this, s.index, true, s.rtxSsrc));
            }
        }
        return refs;
    }

    List<Integer> knownSsrcs() {
        List<Integer> out = new ArrayList<>();
        for (ProducerStream s : streams) {
            if (s.ssrc != 0) {
                out.add(s.ssrc);
            }
            if (s.rtxSsrc != 0) {
                out.add(s.rtxSsrc);
            }
        }
        return out;
    }

    /**
     * Whether an unknown SSRC belongs to this producer, by MID and RID header extensions (RFC 8852) with
     * this producer's own extension ids; RTX is told by payload type and matched by repaired RID.
     */
    StreamRef match(RtpPacket p) {
        int pt = p.payloadType();
        boolean rtx = rtxApt[pt] >= 0;
        if (!rtx && mappedPayloadType[pt] < 0) {
            return null;
        }
        // Compared in place: a sender can keep sending an SSRC nobody claims, and each packet lands here.
        boolean midMatched = midId != 0 && p.extensionOffset(midId) >= 0;
        if (midMatched && !RtpExtensions.textEquals(p, midId, midBytes)) {
            return null;
        }
        ProducerStream stream = null;
        if (streams.length == 1 && streams[0].rid == null) {
            if (!midMatched) {
                return null; // a single stream without a signalled SSRC is only recognisable by its MID
            }
            stream = streams[0];
        } else {
            int ridExtension = 0;
            if (rtx && repairedRidId != 0 && p.extensionOffset(repairedRidId) >= 0) {
                ridExtension = repairedRidId;
            } else if (ridId != 0 && p.extensionOffset(ridId) >= 0) {
                ridExtension = ridId;
            }
            if (ridExtension == 0) {
                return null;
            }
            for (ProducerStream candidate : streams) {
                if (RtpExtensions.textEquals(p, ridExtension, candidate.ridBytes)) {
                    stream = candidate;
                    break;
                }
            }
        }
        if (stream == null) {
            return null;
        }
        int ssrc = p.ssrc();
        if (rtx) {
            if (stream.rtxSsrc != 0 && stream.rtxSsrc != ssrc) {
                return null;
            }
            stream.rtxSsrc = ssrc;
        } else {
            if (stream.ssrc != 0 && stream.ssrc != ssrc) {
                return null;
            }
            stream.ssrc = ssrc;
        }
        return new StreamRef(this, stream.index, rtx, ssrc);
    }

    /** The hot path: one RTP packet of one of this producer's streams. */
    void receiveRtp(StreamRef ref, RtpPacket p, long nowNanos) {
        if (closed()) {
            return;
        }
        ProducerStream s = streams[ref.encodingIdx()];
        boolean retransmission = ref.rtx();
        if (retransmission) {
            int apt = rtxApt[p.payloadType()];
            if (apt < 0 || s.ssrc == 0 || p.payloadLength() < Rtx.OSN_LENGTH + 1) {
                return; // unknown RTX, media SSRC not yet known, or a padding-only probe
            }
            int n = Rtx.decapsulate(p, p.buffer(), p.offset(), s.ssrc, apt);
            if (n < 0 || !p.wrap(p.buffer(), p.offset(), n)) {
                return;
            }
        }
        int routerPt = mappedPayloadType[p.payloadType()];
        if (routerPt < 0) {
            return;
        }
        boolean firstPacket = !s.recv.started();
        int seq = p.sequenceNumber();
        if (s.recv.receive(seq, p.timestamp(), p.length(), nowNanos, retransmission) == RtpStreamRecv.DUPLICATE) {
            return;
        }
        if (firstPacket && video) {
            transport.onVideoStreamStarted(); // once per stream: its SSRC joins the REMB
        }
        if (p.payloadLength() == 0) {
            return; // padding-only: accounted, nothing to forward
        }
        boolean keyFrame;
        Vp8PayloadDescriptor vp8 = null;
        if (codecFamily == VP8) {
            // Parsed once here for the keyframe bit (right after the descriptor), the TID and every consumer.
            vp8 = vp8Descriptor;
            keyFrame = vp8.parse(p.buffer(), p.payloadOffset(), p.payloadLength()) && video && vp8.keyframe();
        } else {
            keyFrame = video && isKeyFrame(p);
        }
        int tid = vp8 == null ? -1 : vp8.temporalLayerId();
        if (keyFrame) {
            s.keyFrames.keyFrameReceived();
        }
        s.countTemporal(tid, p.length());
        int audioLevelAt = audioLevelId != 0 ? p.extensionByteOffset(audioLevelId) : -1;
        int orientationAt = videoOrientationId != 0 ? p.extensionByteOffset(videoOrientationId) : -1;
        if (orientationAt >= 0) {
            checkOrientation(s, p.buffer()[orientationAt]);
        }
        if (s.store != null) {
            s.store.store(seq, p.buffer(), p.offset(), p.length());
        }
        if (nack && s.recv.newMissing() > 0 && !retransmission) {
            sendNacks(s, nowNanos); // a new gap: NACK at once; retries come from onFastTick
        }
        if (firstPacket) {
            for (Consumer c : consumers) {
                c.onStreamActivity(nowNanos);
            }
        }
        if (pauseState.paused()) {
            return;
        }
        if (audioLevelAt >= 0) {
            int level = p.buffer()[audioLevelAt] & 0x7F; // RFC 6464: -dBov; the top bit is voice activity
            for (AudioLevelObserver.Entry e : levelEntries) {
                e.add(level);
            }
        }
        for (Consumer c : consumers) {
            c.forward(s, p, routerPt, keyFrame, vp8, audioLevelAt, orientationAt, nowNanos);
        }
    }

    private boolean isKeyFrame(RtpPacket p) {
        byte[] b = p.buffer();
        int off = p.payloadOffset();
        int len = p.payloadLength();
        return switch (codecFamily) {
            case VP9 -> Vp9Descriptor.isKeyframe(b, off, len);
            case H264_CODEC -> H264.isKeyframe(b, off, len);
            default -> false;
        };
    }

    private void checkOrientation(ProducerStream s, byte value) {
        int v = value & 0xFF;
        if (v != s.lastOrientation) {
            s.lastOrientation = v;
            VideoOrientation o = new VideoOrientation((v & 0x08) != 0, (v & 0x04) != 0, v & 0x03);
            lifecycle.fire(l -> l.onVideoOrientationChange(o));
        }
    }

    private void sendNacks(ProducerStream s, long nowNanos) {
        int n = s.recv.collectNacks(engine.nackScratch, nowNanos);
        if (n > 0 && s.ssrc != 0) {
            transport.sendNack(s.ssrc, engine.nackScratch, n);
        }
    }

    /** Asks the sender for a keyframe on one stream, unless a request is already outstanding. */
    void requestKeyFrame(int streamIndex, long nowNanos) {
        if (!video || closed() || streamIndex < 0 || streamIndex >= streams.length) {
            return;
        }
        ProducerStream s = streams[streamIndex];
        if (s.keyFrames.request(nowNanos)) {
            sendKeyFrameRequest(s);
        }
    }

    private void sendKeyFrameRequest(ProducerStream s) {
        if (s.ssrc == 0 || !transport.connected()) {
            return; // the timer repeats it once the stream is known
        }
        if (usePli) {
            transport.sendRtcp(List.of(new PictureLossIndication(transport.rtcpSsrc, s.ssrc)));
        } else if (useFir) {
            s.firSequence = (s.firSequence + 1) & 0xFF;
            transport.sendRtcp(List.of(new FullIntraRequest(transport.rtcpSsrc,
                    List.of(new FullIntraRequest.Entry(s.ssrc, s.firSequence)))));
        }
    }

    void onSenderReport(StreamRef ref, SenderReport sr, long nowNanos) {
        streams[ref.encodingIdx()].recv.onSenderReport(sr.ntpTimestamp(), nowNanos);
    }

    void collectReportBlocks(List<ReportBlock> out, long nowNanos) {
        for (ProducerStream s : streams) {
            if (s.recv.started() && s.ssrc != 0) {
                out.add(s.recv.reportBlock(s.ssrc, nowNanos));
            }
        }
    }

    void onFastTick(long nowNanos) {
        for (ProducerStream s : streams) {
            if (nack && s.recv.hasMissing()) {
                sendNacks(s, nowNanos);
            }
            if (s.keyFrames.retryDue(nowNanos)) {
                sendKeyFrameRequest(s);
            }
        }
    }

    void onSecondTick(long nowNanos) {
        boolean changed = false;
        for (ProducerStream s : streams) {
            changed |= s.recv.updateScoreAndBitrate(nowNanos);
            s.updateTemporalBitrates(nowNanos);
        }
        List<ProducerScore> next = new ArrayList<>();
        for (ProducerStream s : streams) {
            if (s.recv.started()) {
                next.add(new ProducerScore(s.index, Integer.toUnsignedLong(s.ssrc), s.rid, s.recv.score()));
            }
        }
        if (changed || next.size() != score.size()) {
            score = List.copyOf(next);
            List<ProducerScore> snapshot = score;
            lifecycle.fire(l -> l.onScore(snapshot));
            for (Consumer c : consumers) {
                c.onProducerScore();
            }
        }
    }

    int mappedPayloadType(int producerPt) {
        return mappedPayloadType[producerPt & 0x7F];
    }

    RtpStreamStats inboundStats(ProducerStream s, long timestamp) {
        RtpStreamRecv r = s.recv;
        return new RtpStreamStats(RtpStreamStats.INBOUND, timestamp, Integer.toUnsignedLong(s.ssrc),
                s.rtxSsrc == 0 ? null : Integer.toUnsignedLong(s.rtxSsrc), s.rid, kind().value(),
                s.codec.mimeType(), r.packetsLost(), r.fractionLostLast(), r.packetsDiscarded(),
                r.packetsRetransmitted(), r.packetsRepaired(), r.nackCount(), r.nackPacketCount(),
                s.keyFrames.sent() > 0 && usePli ? s.keyFrames.sent() : 0,
                s.keyFrames.sent() > 0 && !usePli && useFir ? s.keyFrames.sent() : 0, r.score(), r.packetCount(),
                r.byteCount(), r.bitrate(), null, r.jitter());
    }
}
