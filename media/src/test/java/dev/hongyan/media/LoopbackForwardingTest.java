package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.Recorder.Received;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtp.RtpExtensions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * End to end over loopback UDP: a producer peer sends SRTP (VP8 and opus) through ICE/DTLS to the
 * engine, and a consumer peer receives it decrypted with the consumer's SSRC, PT and continuous numbering.
 */
class LoopbackForwardingTest {

    @Test
    void vp8AndOpusReachTheConsumerPeerRewritten() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder producerSide = new Recorder();
            Recorder consumerSide = new Recorder();
            var pair = h.pausedVideoPair(producerSide, consumerSide, MediaFixtures.vp8("0", 1111, 1112));
            var send = pair.send();
            var recv = pair.recv();
            Consumer vc = pair.consumer();
            Producer audio = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO,
                    MediaFixtures.opus("1", 2222))).get(5, TimeUnit.SECONDS);
            Consumer ac = recv.transport().consume(ConsumerOptions.of(audio.id(), h.router.rtpCapabilities()))
                    .get(5, TimeUnit.SECONDS);
            assertThat(vc.paused()).isTrue();
            assertThat(vc.rtpParameters().mid()).isEqualTo("0");
            assertThat(ac.rtpParameters().mid()).isEqualTo("1");
            vc.resume().get(5, TimeUnit.SECONDS);
            ac.resume().get(5, TimeUnit.SECONDS);
            consumerSide.midId = MediaFixtures.extensionId(vc.rtpParameters(), RtpExtensions.URI_MID);

            // The resume asked the producer peer for a keyframe.
            await(() -> producerSide.rtcp.stream().anyMatch(p -> p instanceof PictureLossIndication pli
                    && pli.mediaSsrc() == 1111));

            int seq = 40000;
            int ts = 1000;
            for (int i = 0; i < 50; i++) {
                byte[] v = MediaFixtures.vp8Packet(1111, seq + i, ts + i * 3000, i == 0, 0, 900, "0", null);
                send.peer().sendRtp(v, v.length);
                byte[] a = MediaFixtures.opusPacket(2222, 7 + i, i * 960, 80, "1");
                send.peer().sendRtp(a, a.length);
                Thread.sleep(2);
            }
            int vSsrc = vc.rtpParameters().encodings().get(0).ssrc().intValue();
            int aSsrc = ac.rtpParameters().encodings().get(0).ssrc().intValue();
            await(() -> consumerSide.rtp.stream().filter(r -> r.ssrc() == vSsrc).count() == 50
                    && consumerSide.rtp.stream().filter(r -> r.ssrc() == aSsrc).count() == 50);

            List<Received> vid = consumerSide.rtp.stream().filter(r -> r.ssrc() == vSsrc).toList();
            int vPt = vc.rtpParameters().codecs().get(0).payloadType();
            for (int i = 0; i < vid.size(); i++) {
                assertThat(vid.get(i).pt()).isEqualTo(vPt);
                assertThat(vid.get(i).mid()).isEqualTo("0");
                if (i > 0) {
                    assertThat((vid.get(i).seq() - vid.get(i - 1).seq()) & 0xFFFF).isEqualTo(1);
                    assertThat(vid.get(i).ts() - vid.get(i - 1).ts()).isEqualTo(3000);
                }
            }
            List<Received> aud = consumerSide.rtp.stream().filter(r -> r.ssrc() == aSsrc).toList();
            assertThat(aud).allMatch(r -> r.pt() == ac.rtpParameters().codecs().get(0).payloadType());

            List<RtpStreamStats> stats = vc.getStats().get(5, TimeUnit.SECONDS);
            assertThat(stats).extracting(RtpStreamStats::type).containsExactly("outbound-rtp", "inbound-rtp");
            assertThat(stats.get(0).packetCount()).isEqualTo(50);
            assertThat(stats.get(1).packetCount()).isEqualTo(50);
            List<WebRtcTransportStats> ts1 = recv.transport().getStats().get(5, TimeUnit.SECONDS);
            assertThat(ts1.get(0).type()).isEqualTo("webrtc-transport");
            assertThat(ts1.get(0).dtlsState()).isEqualTo("connected");
            assertThat(ts1.get(0).iceState()).isEqualTo("completed");
            assertThat(ts1.get(0).rtpBytesSent()).isPositive();
        }
    }

    @Test
    void aPeerThatStopsReadingGetsNothingMoreWhileTheEngineKeepsSending() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            var pair = h.videoPair(new Recorder(), new Recorder(), MediaFixtures.vp8("0", 1111, 1112));
            var send = pair.send();
            var recv = pair.recv();
            Consumer vc = pair.consumer();
            // A second consumer peer keeps reading: the same reader thread serves both sockets, so once it has
            // read everything here it would have read the first peer's datagrams too.
            var control = h.connect(DtlsRole.CLIENT, new Recorder());
            control.transport().consume(ConsumerOptions.of(pair.producer().id(), h.router.rtpCapabilities())
                    .withPaused(false)).get(5, TimeUnit.SECONDS);
            int seq = 100;
            for (; seq < 110; seq++) {
                byte[] v = MediaFixtures.vp8Packet(1111, seq, seq * 3000, seq == 100, 0, 900, "0", null);
                send.peer().sendRtp(v, v.length);
            }
            await(() -> recv.peer().receivedPackets() >= 10 && control.peer().receivedPackets() >= 10);

            recv.peer().stopReading().get(5, TimeUnit.SECONDS);
            long before = recv.peer().receivedPackets();
            for (; seq < 130; seq++) {
                byte[] v = MediaFixtures.vp8Packet(1111, seq, seq * 3000, false, 0, 900, "0", null);
                send.peer().sendRtp(v, v.length);
            }
            // The engine sent all 30 to both sockets; the reading peer got them, the other none of the last 20.
            await(() -> outboundPackets(vc) == 30 && control.peer().receivedPackets() >= 30);
            assertThat(recv.peer().receivedPackets()).isEqualTo(before);
        }
    }

    @Test
    void forwardingLatencyIsTimedOnlyWhenTheEngineIsAskedTo() throws Exception {
        for (boolean measured : new boolean[] {false, true}) {
            try (EngineHarness h = new EngineHarness(MediaEngineOptions.loopback().withLatencyMeasured(measured))) {
                var pair = h.videoPair(new Recorder(), new Recorder(), MediaFixtures.vp8("0", 1111, 1112));
                h.engine.forwardingMetrics(true).get(5, TimeUnit.SECONDS);
                for (int seq = 100; seq < 110; seq++) {
                    byte[] v = MediaFixtures.vp8Packet(1111, seq, seq * 3000, seq == 100, 0, 900, "0", null);
                    pair.send().peer().sendRtp(v, v.length);
                }
                await(() -> pair.recv().peer().receivedPackets() >= 10);
                ForwardingMetrics m = h.engine.forwardingMetrics(false).get(5, TimeUnit.SECONDS);
                assertThat(m.forwardedPackets()).as("measured=" + measured).isEqualTo(10);
                if (measured) {
                    assertThat(m.latencySamples()).isEqualTo(10);
                    assertThat(m.p99Micros()).isNotNegative();
                } else {
                    assertThat(m.latencySamples()).isZero();
                    assertThat(m.p99Micros()).isEqualTo(-1);
                }
            }
        }
    }

    private static long outboundPackets(Consumer consumer) {
        try {
            return consumer.getStats().get(5, TimeUnit.SECONDS).get(0).packetCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
