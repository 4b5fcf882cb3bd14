package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.media.Recorder.Received;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.rtcp.GenericNack;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.RtcpPacket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine's forwarding behaviour through real transports (loopback ICE/DTLS/SRTP). */
class EngineBehaviourTest {
    private static final int SSRC = 1111;

    private static void rtcp(EngineHarness.Connected c, RtcpPacket... packets) {
        byte[] b = RtcpCompound.marshal(List.of(packets));
        c.peer().sendRtcp(b, b.length);
    }

    private static long plis(Recorder r) {
        return r.rtcp.stream().filter(p -> p instanceof PictureLossIndication pli && pli.mediaSsrc() == SSRC).count();
    }

    private static void sendVp8Sized(EngineHarness.Connected c, int seq, int ts, boolean key, int size) {
        byte[] v = MediaFixtures.vp8Packet(SSRC, seq, ts, key, 0, size, "0", null);
        c.peer().sendRtp(v, v.length);
    }

    private static void sendVp8(EngineHarness.Connected c, int ssrc, int seq, int ts, boolean key, String rid) {
        byte[] v = MediaFixtures.vp8Packet(ssrc, seq, ts, key, 0, 300, "0", rid);
        c.peer().sendRtp(v, v.length);
    }

    @Test
    void nackIsAnsweredFromTheBufferAsRtxOrPlain() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder up = new Recorder();
            var send = h.connect(DtlsRole.SERVER, up);
            Producer video = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO,
                    MediaFixtures.vp8("0", SSRC, 1112))).get(5, TimeUnit.SECONDS);
            for (boolean rtx : new boolean[] {true, false}) {
                Recorder down = new Recorder();
                var recv = h.connect(DtlsRole.CLIENT, down);
                // Plain resends happen when the receiver can NACK but has no RTX (mediasoup drops plain NACK
                // feedback when RTX is merely disabled by option).
                var caps = h.router.rtpCapabilities();
                if (!rtx) {
                    caps = new dev.hongyan.media.ortc.RtpCapabilities(caps.codecs().stream()
                            .filter(codec -> !codec.isRtx()).toList(), caps.headerExtensions());
                }
                Consumer c = recv.transport().consume(ConsumerOptions.of(video.id(), caps)
                        .withPaused(false)).get(5, TimeUnit.SECONDS);
                int base = rtx ? 100 : 200;
                for (int i = 0; i < 5; i++) {
                    sendVp8(send, SSRC, base + i, base * 1000 + i * 3000, i == 0, null);
                }
                int ssrc = c.rtpParameters().encodings().get(0).ssrc().intValue();
                await(() -> down.rtp.size() >= 5);
                Received third = down.rtp.get(2);
                rtcp(recv, GenericNack.of(1, ssrc, third.seq()));
                if (rtx) {
                    await(() -> down.rtp.size() >= 6);
                    Received resent = down.rtp.get(5);
                    assertThat(c.rtpParameters().encodings().get(0).rtx()).isNotNull();
                    assertThat(resent.ssrc()).isEqualTo((int) c.rtpParameters().encodings().get(0).rtx().ssrc());
                    assertThat(resent.pt()).isEqualTo(c.rtpParameters().codecs().get(1).payloadType());
                    assertThat(resent.length()).isEqualTo(third.length() + 2); // OSN
                } else {
                    // A plain resend repeats the SRTP index; this peer got the first copy, so its replay check
                    // drops it (libsrtp receivers do the same): what can be checked is that the engine sent it.
                    // PlainRetransmissionTest has a receiver that lost it.
                    assertThat(c.rtpParameters().encodings().get(0).rtx()).isNull();
                    await(() -> c.getStats().join().get(0).packetsRetransmitted() == 1);
                    assertThat(recv.transport().getStats().get().get(0).rtxBytesSent()).as("retransmission bytes").isPositive();
                }
                List<RtpStreamStats> stats = c.getStats().get(5, TimeUnit.SECONDS);
                assertThat(stats.get(0).nackCount()).isEqualTo(1);
                assertThat(stats.get(0).packetsRetransmitted()).isEqualTo(1);
            }
        }
    }

    @Test
    void aNackResendsEachStoredPacketAtMostOnceAndRepeatsWithin50MsResendNothing() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder down = new Recorder();
            var pair = h.videoPair(new Recorder(), down, MediaFixtures.vp8("0", SSRC, 1112));
            var send = pair.send();
            var recv = pair.recv();
            Consumer c = pair.consumer();
            for (int i = 0; i < 5; i++) {
                sendVp8(send, SSRC, 300 + i, i * 3000, i == 0, null);
            }
            await(() -> down.rtp.size() >= 5);
            int ssrc = c.rtpParameters().encodings().get(0).ssrc().intValue();
            int first = down.rtp.get(0).seq();
            // 100 entries naming the first packet and the 16 after it: 1,700 sequence numbers, 5 of them sent.
            List<GenericNack.Entry> entries = new java.util.ArrayList<>();
            for (int i = 0; i < 100; i++) {
                entries.add(new GenericNack.Entry(first, 0xFFFF));
            }
            GenericNack nack = new GenericNack(1, ssrc, entries);
            // Twice in one compound: the second arrives well within 50 ms of the first.
            rtcp(recv, nack, nack);
            await(() -> down.rtp.size() >= 10);
            Thread.sleep(100);
            assertThat(down.rtp).hasSize(10);
            assertThat(down.rtp.subList(5, 10)).extracting(Received::ssrc)
                    .containsOnly((int) c.rtpParameters().encodings().get(0).rtx().ssrc());
            List<RtpStreamStats> stats = c.getStats().get(5, TimeUnit.SECONDS);
            assertThat(stats.get(0).nackCount()).isEqualTo(2);
            assertThat(stats.get(0).packetsRetransmitted()).isEqualTo(5);
        }
    }

    @Test
    void keyFramesAreRequestedOnResumeAndOnReceiverPliAtMostOncePerOutstandingRequest() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder up = new Recorder();
            Recorder down = new Recorder();
            var pair = h.pausedVideoPair(up, down, MediaFixtures.vp8("0", SSRC, 1112));
            var send = pair.send();
            var recv = pair.recv();
            Consumer c = pair.consumer();
            sendVp8(send, SSRC, 1, 0, true, null); // the stream becomes known; consumer still paused
            Thread.sleep(100);
            assertThat(plis(up)).isZero();
            c.resume().get();
            await(() -> plis(up) == 1);
            int ssrc = c.rtpParameters().encodings().get(0).ssrc().intValue();
            rtcp(recv, new PictureLossIndication(1, ssrc));
            rtcp(recv, new PictureLossIndication(1, ssrc));
            Thread.sleep(200);
            assertThat(plis(up)).as("absorbed: the first request is still outstanding").isEqualTo(1);
            sendVp8(send, SSRC, 2, 3000, true, null);
            await(() -> down.rtp.size() == 1);
            rtcp(recv, new PictureLossIndication(1, ssrc));
            await(() -> plis(up) == 2);
            assertThat(c.getStats().get().get(0).pliCount()).isEqualTo(3);
        }
    }

    @Test
    void simulcastByRidStartsHighAndSwitchesOnlyAtAKeyFrameOfTheTarget() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder up = new Recorder();
            Recorder down = new Recorder();
            var pair = h.videoPair(up, down, MediaFixtures.vp8Simulcast("0"));
            var send = pair.send();
            Producer video = pair.producer();
            Consumer c = pair.consumer();
            assertThat(video.type().value()).isEqualTo("simulcast");
            assertThat(c.type().value()).isEqualTo("simulcast");
            List<ConsumerLayers> changes = EngineHarness.layerChanges(c);
            int[] ssrcs = {5000, 5001, 5002};
            int[] seqs = {100, 2000, 30000};
            int tsBase = 0;
            // Round 1: all three layers, keyframes on all: the consumer takes r2.
            for (int i = 0; i < 3; i++) {
                for (int l = 0; l < 3; l++) {
                    sendVp8(send, ssrcs[l], seqs[l]++, tsBase + l * 7 + i * 3000, i == 0, "r" + l);
                }
                Thread.sleep(3);
            }
            // Layers start arriving one after the other, so the consumer may step up through them (each
            // at its keyframe); it ends on the highest, and each deltas of r2 follow.
            await(() -> down.rtp.size() == 5);
            assertThat(changes.get(changes.size() - 1).spatialLayer()).isEqualTo(2);
            int switches = changes.size();
            await(() -> video.score().size() == 3);
            c.setPreferredLayers(new ConsumerLayers(0, null)).get();
            assertThat(c.preferredLayers().spatialLayer()).isZero();
            // Deltas on r0 are not taken; r2 keeps flowing until r0 has a keyframe.
            for (int l = 0; l < 3; l++) {
                sendVp8(send, ssrcs[l], seqs[l]++, 20000 + l, false, "r" + l);
            }
            await(() -> down.rtp.size() == 6);
            Thread.sleep(50);
            assertThat(changes).hasSize(switches);
            assertThat(up.rtcp.stream().anyMatch(p -> p instanceof PictureLossIndication pli && pli.mediaSsrc() == 5000))
                    .as("keyframe requested on the target layer").isTrue();
            sendVp8(send, ssrcs[0], seqs[0]++, 30000, true, "r0");
            sendVp8(send, ssrcs[2], seqs[2]++, 30000, false, "r2");
            sendVp8(send, ssrcs[0], seqs[0]++, 33000, false, "r0");
            await(() -> down.rtp.size() == 8);
            await(() -> changes.size() == switches + 1);
            assertThat(changes.get(switches).spatialLayer()).isZero();
            assertThat(c.currentLayers().spatialLayer()).isZero();
            List<Received> got = down.rtp;
            for (int i = 1; i < got.size(); i++) {
                assertThat((got.get(i).seq() - got.get(i - 1).seq()) & 0xFFFF).as("seq continuity at %d", i).isEqualTo(1);
                assertThat(got.get(i).ts() - got.get(i - 1).ts()).as("ts monotonic at %d", i).isGreaterThanOrEqualTo(0);
            }
            assertThat(got).extracting(Received::ssrc).containsOnly(c.rtpParameters().encodings().get(0).ssrc().intValue());
        }
    }

    @Test
    void producerPauseStopsForwardingAndResumeAsksForAKeyFrame() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder up = new Recorder();
            Recorder down = new Recorder();
            var pair = h.videoPair(up, down, MediaFixtures.vp8("0", SSRC, 1112));
            var send = pair.send();
            Producer video = pair.producer();
            Consumer c = pair.consumer();
            List<String> events = new CopyOnWriteArrayList<>();
            c.addListener(new Consumer.Listener() {
                @Override
                public void onProducerPause() {
                    events.add("producerpause");
                }

                @Override
                public void onProducerResume() {
                    events.add("producerresume");
                }
            });
            // Payload sizes tell the packets apart downstream (the header is rewritten, the payload is not).
            sendVp8Sized(send, 10, 0, true, 300);
            sendVp8Sized(send, 11, 3000, false, 300);
            await(() -> down.rtp.size() == 2);
            int baseLength = down.rtp.get(0).length();
            video.pause().get();
            assertThat(c.producerPaused()).isTrue();
            sendVp8Sized(send, 12, 6000, true, 301); // while paused: dropped, keyframe or not
            Thread.sleep(100);
            assertThat(down.rtp).as("nothing forwarded while paused").hasSize(2);
            long plisBefore = plis(up);
            video.resume().get();
            await(() -> plis(up) > plisBefore);
            sendVp8Sized(send, 13, 9000, false, 302); // not a keyframe: held back
            sendVp8Sized(send, 14, 90000, true, 303);
            await(() -> down.rtp.size() == 3);
            Thread.sleep(100);
            assertThat(down.rtp).as("only the keyframe after resume").hasSize(3);
            assertThat(events).containsExactly("producerpause", "producerresume");
            Received resumed = down.rtp.get(2);
            assertThat(resumed.length()).as("the keyframe sent after resume").isEqualTo(baseLength + 3);
            // Re-anchored: the next sequence number, and a timestamp advanced by the wall-clock time since
            // (over 100 ms at 90 kHz).
            assertThat((resumed.seq() - down.rtp.get(1).seq()) & 0xFFFF).isEqualTo(1);
            assertThat(resumed.ts() - down.rtp.get(1).ts()).isGreaterThanOrEqualTo(9000);
        }
    }

    @Test
    void anEmptyTwoByteFormOrientationExtensionIsNotReadPastItsEnd() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder down = new Recorder();
            var pair = h.videoPair(new Recorder(), down, MediaFixtures.vp8("0", SSRC, 1112));
            var send = pair.send();
            Producer video = pair.producer();
            List<Object> orientations = new CopyOnWriteArrayList<>();
            video.addListener(new Producer.Listener() {
                @Override
                public void onVideoOrientationChange(dev.hongyan.media.rtp.VideoOrientation o) {
                    orientations.add(o);
                }
            });
            byte[] v = MediaFixtures.vp8Packet(SSRC, 1, 0, true, 0, 300, "0", null);
            byte[] b = java.util.Arrays.copyOf(v, v.length + 64);
            dev.hongyan.media.rtp.RtpPacket p = new dev.hongyan.media.rtp.RtpPacket();
            assertThat(p.wrap(b, 0, v.length)).isTrue();
            int len = p.setExtension(MediaFixtures.ORIENTATION_ID, new byte[0]); // two-byte form, length 0
            assertThat(len).isPositive();
            assertThat(p.wrap(b, 0, len)).isTrue();
            assertThat(p.extensionLength(MediaFixtures.ORIENTATION_ID)).isZero();
            send.peer().sendRtp(b, len);
            await(() -> down.rtp.size() == 1);
            Thread.sleep(50);
            assertThat(orientations).as("no orientation read from the byte after the empty element").isEmpty();
        }
    }

    @Test
    void closeCascadesWithMediasoupEvents() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            var send = h.connect(DtlsRole.SERVER, new Recorder());
            var recv = h.connect(DtlsRole.CLIENT, new Recorder());
            Producer video = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO,
                    MediaFixtures.vp8("0", SSRC, 1112))).get(5, TimeUnit.SECONDS);
            Producer audio = send.transport().produce(ProducerOptions.of(MediaKind.AUDIO,
                    MediaFixtures.opus("1", 2222))).get(5, TimeUnit.SECONDS);
            Consumer vc = recv.transport().consume(ConsumerOptions.of(video.id(), h.router.rtpCapabilities()))
                    .get(5, TimeUnit.SECONDS);
            Consumer ac = recv.transport().consume(ConsumerOptions.of(audio.id(), h.router.rtpCapabilities()))
                    .get(5, TimeUnit.SECONDS);
            List<String> events = new CopyOnWriteArrayList<>();
            vc.addListener(recorder("vc", events));
            ac.addListener(recorder("ac", events));
            video.addListener(new Producer.Listener() {
                @Override
                public void onClose() {
                    events.add("video:close");
                }
            });
            assertThat(h.router.canConsume(video.id(), h.router.rtpCapabilities())).isTrue();
            video.close().get();
            assertThat(events).containsExactly("vc:producerclose", "vc:close", "video:close");
            assertThat(vc.closed()).isTrue();
            assertThat(h.router.canConsume(video.id(), h.router.rtpCapabilities())).isFalse();
            events.clear();
            recv.transport().addListener(new WebRtcTransport.Listener() {
                @Override
                public void onRouterClose() {
                    events.add("recv:routerclose");
                }

                @Override
                public void onClose() {
                    events.add("recv:close");
                }
            });
            send.transport().close().get();
            assertThat(events).containsExactly("ac:producerclose", "ac:close");
            assertThat(audio.closed()).isTrue();
            events.clear();
            h.router.close().get();
            assertThat(events).containsExactly("recv:routerclose", "recv:close");
            // Closed objects keep no listeners.
            for (Object closed : List.of(video, vc, audio, ac, send.transport(), recv.transport(), h.router)) {
                assertThat(ListenersTest.of(closed).isEmpty()).as("listeners of %s", closed).isTrue();
            }
            assertThatThrownBy(() -> recv.transport().consume(ConsumerOptions.of(audio.id(),
                    h.router.rtpCapabilities())).get()).hasCauseInstanceOf(IllegalStateException.class);
        }
    }

    @Test
    void statsAndScoresSerialiseInMediasoupShape() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String inbound = json.writeValueAsString(new RtpStreamStats(RtpStreamStats.INBOUND, 1, 2, null, "r0", "video",
                "video/VP8", 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 5, 500, 4000, null, 3L));
        assertThat(inbound).startsWith("{\"type\":\"inbound-rtp\",\"timestamp\":1,\"ssrc\":2,\"rid\":\"r0\"")
                .contains("\"jitter\":3").doesNotContain("rtxSsrc").doesNotContain("roundTripTime");
        assertThat(json.writeValueAsString(new ProducerScore(0, 5, null, 10)))
                .isEqualTo("{\"encodingIdx\":0,\"ssrc\":5,\"score\":10}");
        assertThat(json.writeValueAsString(new ConsumerScore(10, 9, List.of(9, 8))))
                .isEqualTo("{\"score\":10,\"producerScore\":9,\"producerScores\":[9,8]}");
        assertThat(json.writeValueAsString(new ConsumerLayers(2, null))).isEqualTo("{\"spatialLayer\":2}");
    }

    private static Consumer.Listener recorder(String name, List<String> events) {
        return new Consumer.Listener() {
            @Override
            public void onProducerClose() {
                events.add(name + ":producerclose");
            }

            @Override
            public void onTransportClose() {
                events.add(name + ":transportclose");
            }

            @Override
            public void onClose() {
                events.add(name + ":close");
            }
        };
    }
}
