package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.media.bwe.TransportCongestionControlServer;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.TransportCcFeedback;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Transport-wide congestion control through a real engine over loopback: the engine answers a producer's
 * transport-wide sequence numbers with transport-cc feedback, stamps its own on a consumer's packets, and
 * turns the consumer peer's feedback into a {@code bwe} trace.
 */
class LoopbackBweTest {

    @Test
    void feedbackBothWaysAndABweTrace() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder producerSide = new Recorder();
            ConsumerSide consumerSide = new ConsumerSide();
            var pair = h.pausedVideoPair(producerSide, consumerSide, MediaFixtures.vp8("0", 1111, 1112));
            var send = pair.send();
            var recv = pair.recv();
            consumerSide.peer = recv.peer();
            Consumer vc = pair.consumer();
            List<TransportTraceEvent> traces = new CopyOnWriteArrayList<>();
            recv.transport().addListener(new WebRtcTransport.Listener() {
                @Override
                public void onTrace(TransportTraceEvent trace) {
                    traces.add(trace);
                }
            });
            recv.transport().enableTraceEvent(List.of("bwe")).get(5, TimeUnit.SECONDS);

            int consumerTwccId = MediaFixtures.extensionId(vc.rtpParameters(), RtpExtensions.URI_TRANSPORT_WIDE_CC);
            assertThat(vc.rtpParameters().codecs().get(0).rtcpFeedback()).extracting(f -> f.type())
                    .contains("transport-cc").doesNotContain("goog-remb");
            consumerSide.twccId = consumerTwccId;
            vc.resume().get(5, TimeUnit.SECONDS);

            // 1.5 s of 30 fps video, three packets a frame, the first a keyframe; every 10th packet lost on the way.
            int wide = 65_500;
            int packets = 0;
            for (int frame = 0; frame < 45; frame++) {
                for (int k = 0; k < 3; k++) {
                    byte[] v = MediaFixtures.vp8Packet(1111, 1000 + packets, frame * 3000, frame == 0, 0, 1000, "0", null);
                    byte[] room = java.util.Arrays.copyOf(v, v.length + 8);
                    RtpPacket q = RtpPacket.parse(room, 0, v.length);
                    int len = RtpExtensions.setTransportWideSequence(q, MediaFixtures.TWCC_ID, wide++ & 0xFFFF);
                    if (packets++ % 10 != 9) {
                        send.peer().sendRtp(room, len);
                    }
                }
                Thread.sleep(33);
            }

            // Producer side: feedback covering every number we sent, the dropped ones as not received.
            int sent = packets;
            await(() -> covered(producerSide) >= sent);
            List<TransportCcFeedback> feedback = producerSide.rtcp.stream()
                    .filter(TransportCcFeedback.class::isInstance).map(TransportCcFeedback.class::cast).toList();
            assertThat(feedback.get(0).baseSequence()).isEqualTo(65_500);
            long lost = feedback.stream().flatMap(f -> f.packets().stream()).filter(s -> !s.received()).count();
            assertThat(lost).isEqualTo(13); // packets 9, 19, ... 129 of 135
            for (int i = 1; i < feedback.size(); i++) {
                assertThat(feedback.get(i).feedbackPacketCount()).isEqualTo(i & 0xFF);
            }

            // Consumer side: our own transport-wide numbers, consecutive, and a bwe trace from the peer's feedback.
            await(() -> consumerSide.wideSequences.size() >= 40);
            List<Integer> seqs = consumerSide.wideSequences;
            for (int i = 1; i < seqs.size(); i++) {
                assertThat((seqs.get(i) - seqs.get(i - 1)) & 0xFFFF).isEqualTo(1);
            }
            await(() -> !traces.isEmpty());
            TransportTraceEvent trace = traces.get(0);
            assertThat(trace.type()).isEqualTo("bwe");
            assertThat(trace.direction()).isEqualTo("out");
            assertThat(trace.info().type()).isEqualTo("transport-cc");
            assertThat(trace.info().availableBitrate()).isPositive();
            assertThat(recv.transport().availableOutgoingBitrate().get(5, TimeUnit.SECONDS)).isPositive();
            // The producer side has no consumers: no estimate, so no trace there.
            assertThat(send.transport().availableOutgoingBitrate().get(5, TimeUnit.SECONDS)).isEqualTo(-1L);

            // Stats as mediasoup renders them: the estimate as availableOutgoingBitrate, absent without one.
            ObjectMapper json = new ObjectMapper();
            JsonNode recvStats = json.valueToTree(recv.transport().getStats().get(5, TimeUnit.SECONDS).get(0));
            assertThat(recvStats.path("availableOutgoingBitrate").isIntegralNumber()).as(recvStats.toString()).isTrue();
            assertThat(recvStats.path("availableOutgoingBitrate").asLong()).isPositive();
            JsonNode sendStats = json.valueToTree(send.transport().getStats().get(5, TimeUnit.SECONDS).get(0));
            assertThat(sendStats.has("availableOutgoingBitrate")).as(sendStats.toString()).isFalse();
            assertThat(sendStats.path("type").asText()).isEqualTo("webrtc-transport");
        }
    }

    @Test
    void theEstimateStartsFromTheTransportsInitialAvailableOutgoingBitrate() throws Exception {
        // mediasoup's default start (600 kbit/s) can grow no further than 1.5 × what was acknowledged
        // (here ~0.7 Mbit/s of video) before the first feedback, nor fall below the floor: the first estimate
        // tells which start the transport had.
        assertThat(firstEstimate(WebRtcTransportOptions.defaults())).isBetween(30_000L, 1_200_000L);
        assertThat(firstEstimate(WebRtcTransportOptions.defaults().withInitialAvailableOutgoingBitrate(3_000_000)))
                .isBetween(2_000_000L, 3_000_000L);
    }

    @Test
    void anInitialAvailableOutgoingBitrateOutsideTheEstimatorsRangeIsRefused() {
        WebRtcTransportOptions defaults = WebRtcTransportOptions.defaults();
        assertThat(defaults.initialAvailableOutgoingBitrate()).isEqualTo(600_000L);
        assertThatThrownBy(() -> defaults.withInitialAvailableOutgoingBitrate(29_999))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("30000..100000000");
        assertThatThrownBy(() -> defaults.withInitialAvailableOutgoingBitrate(100_000_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialAvailableOutgoingBitrate");
    }

    /** ~0.7 Mbit/s of video to a consumer whose peer answers with transport-cc feedback, until the first estimate. */
    private static long firstEstimate(WebRtcTransportOptions options) throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            h.transportOptions = options;
            ConsumerSide consumerSide = new ConsumerSide();
            var pair = h.videoPair(new Recorder(), consumerSide, MediaFixtures.vp8("0", 1111, 1112));
            consumerSide.peer = pair.recv().peer();
            consumerSide.twccId = MediaFixtures.extensionId(pair.consumer().rtpParameters(),
                    RtpExtensions.URI_TRANSPORT_WIDE_CC);
            WebRtcTransport transport = pair.recv().transport();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            for (int frame = 0; System.nanoTime() < deadline; frame++) {
                for (int k = 0; k < 3; k++) {
                    int seq = 1000 + frame * 3 + k;
                    byte[] v = MediaFixtures.vp8Packet(1111, seq, frame * 3000, frame == 0, 0, 1000, "0", null);
                    pair.send().peer().sendRtp(v, v.length);
                }
                long estimate = transport.availableOutgoingBitrate().get(5, TimeUnit.SECONDS);
                if (estimate >= 0) {
                    return estimate;
                }
                Thread.sleep(33);
            }
            throw new AssertionError("no estimate within 10 s");
        }
    }

    private static int covered(Recorder side) {
        return side.rtcp.stream().filter(TransportCcFeedback.class::isInstance)
                .mapToInt(p -> ((TransportCcFeedback) p).packetStatusCount()).sum();
    }

    /** Plays the receiving browser: notes our transport-wide numbers and answers them with feedback. */
    static final class ConsumerSide implements LoopbackPeer.Handler {
        final List<Integer> wideSequences = new CopyOnWriteArrayList<>();
        volatile LoopbackPeer peer;
        volatile int twccId;
        private final TransportCongestionControlServer feedback = new TransportCongestionControlServer(5, 0x5EED,
                f -> {
                    byte[] bytes = RtcpCompound.marshal(List.of(f));
                    peer.sendRtcp(bytes, bytes.length);
                });

        @Override
        public void onRtp(byte[] buf, int len, long arrivalNanos) {
            RtpPacket p = RtpPacket.parse(buf, 0, len);
            int id = twccId;
            if (p == null || id == 0) {
                return;
            }
            int wide = RtpExtensions.transportWideSequence(p, id);
            if (wide >= 0) {
                wideSequences.add(wide);
                feedback.onRtpPacket(wide, p.ssrc(), arrivalNanos);
                feedback.onTick(arrivalNanos);
            }
        }
    }
}
