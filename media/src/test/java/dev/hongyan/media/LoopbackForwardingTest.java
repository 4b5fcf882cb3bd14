package dev.hongyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * End to end over loopback UDP: a producer peer sends SRTP (VP8 and opus) through ICE/DTLS to the
 * engine, and a consumer peer receives it decrypted with the consumer's SSRC, PT and continuous numbering.
 */
class LoopbackForwardingTest {

    record Received(int ssrc, int pt, int seq, int ts, String mid, int length) {}

    static final class Recorder implements LoopbackPeer.Handler {
        final List<Received> rtp = new CopyOnWriteArrayList<>();
        final List<RtcpPacket> rtcp = new CopyOnWriteArrayList<>();
        volatile int midId = 0;

        @Override
        public void onRtp(byte[] buf, int len, long arrivalNanos) {
            RtpPacket p = RtpPacket.parse(buf, 0, len);
            if (p != null) {
                rtp.add(new Received(p.ssrc(), p.payloadType(), p.sequenceNumber(), p.timestamp(),
                        midId == 0 ? null : RtpExtensions.mid(p, midId), len));
            }
        }

        @Override
        public void onRtcp(byte[] buf, int len) {
            try {
                rtcp.addAll(RtcpCompound.parse(buf, 0, len));
            } catch (RuntimeException e) {
                // ignore
            }
        }
    }

    @Test
    void vp8AndOpusReachTheConsumerPeerRewritten() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder producerSide = new Recorder();
            Recorder consumerSide = new Recorder();
            var send = h.connect(DtlsRole.SERVER, producerSide);
            var recv = h.connect(DtlsRole.CLIENT, consumerSide);

            Producer video = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO,
                    MediaFixtures.vp8("0", 1111, 1112))).get(5, TimeUnit.SECONDS);
            Producer audio = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO,
                    MediaFixtures.opus("1", 2222))).get(5, TimeUnit.SECONDS);
            Consumer vc = recv.transport().consume(ConsumerOptions.of(video.id(), h.router.rtpCapabilities()))
                    .get(5, TimeUnit.SECONDS);
            Consumer ac = recv.transport().consume(ConsumerOptions.of(audio.id(), h.router.rtpCapabilities()))
                    .get(5, TimeUnit.SECONDS);
            assertThat(vc.paused()).isTrue();
            assertThat(vc.rtpParameters().mid()).isEqualTo("0");
            assertThat(ac.rtpParameters().mid()).isEqualTo("1");
            vc.resume().get(5, TimeUnit.SECONDS);
            ac.resume().get(5, TimeUnit.SECONDS);
            consumerSide.midId = vc.rtpParameters().headerExtensions().stream()
                    .filter(e -> e.uri().equals(RtpExtensions.URI_MID)).findFirst().orElseThrow().id();

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
            Recorder producerSide = new Recorder();
            Recorder consumerSide = new Recorder();
            var send = h.connect(DtlsRole.SERVER, producerSide);
            var recv = h.connect(DtlsRole.CLIENT, consumerSide);
            // A second consumer peer keeps reading: the same reader thread serves both sockets, so once it has
            // read everything here it would have read the first peer's datagrams too.
            var control = h.connect(DtlsRole.CLIENT, new Recorder());
            Producer video = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO,
                    MediaFixtures.vp8("0", 1111, 1112))).get(5, TimeUnit.SECONDS);
            Consumer vc = recv.transport().consume(ConsumerOptions.of(video.id(), h.router.rtpCapabilities())
                    .withPaused(false)).get(5, TimeUnit.SECONDS);
            control.transport().consume(ConsumerOptions.of(video.id(), h.router.rtpCapabilities()).withPaused(false))
                    .get(5, TimeUnit.SECONDS);
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

    private static long outboundPackets(Consumer consumer) {
        try {
            return consumer.getStats().get(5, TimeUnit.SECONDS).get(0).packetCount();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15); // generous: the build machine is shared
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 15 s");
            }
            Thread.sleep(5);
        }
    }
}
