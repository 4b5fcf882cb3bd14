package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.Recorder.Received;
import dev.hongyan.media.bwe.TransportCongestionControlServer;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.Remb;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The layer allocation through a real engine over loopback: a producer peer sends three simulcast
 * encodings of clearly different bitrates (about 55 kbit/s, 300 kbit/s and 1.5 Mbit/s). The consumer peer
 * either sends REMB and no transport-cc feedback, so its REMB is the estimate, or plays a browser that
 * answers with transport-cc feedback, so the engine's own estimator (and its probing) decides.
 */
class LoopbackLayerAllocationTest {

    /** One encoding: every picture TL0 (so a spatial layer is one step), {@code packets} packets of {@code size}. */
    static final class Encoding {
        final int ssrc;
        final String rid;
        final int packets;
        final int size;
        int seq;
        int pictureId;
        int tl0;

        Encoding(int ssrc, String rid, int packets, int size) {
            this.ssrc = ssrc;
            this.rid = rid;
            this.packets = packets;
            this.size = size;
            this.seq = ssrc & 0x7FFF;
        }

        void sendPicture(EngineHarness.Connected c, int picture) {
            boolean key = picture % 10 == 0; // three keyframes a second: switches need one
            tl0 = (tl0 + 1) & 0xFF;
            int ts = picture * 3000;
            for (int k = 0; k < packets; k++) {
                byte[] v = MediaFixtures.vp8LayeredPacket(ssrc, seq++, ts, key && k == 0, pictureId, true, tl0, 0,
                        false, size, "0", rid);
                c.peer().sendRtp(v, v.length);
            }
            pictureId = (pictureId + 1) & 0x7FFF;
        }
    }

    /** 30 pictures a second on all three encodings until closed. */
    static final class Sender implements AutoCloseable {
        final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        final Encoding[] encodings = {new Encoding(7000, "r0", 1, 200), new Encoding(7002, "r1", 2, 600),
                new Encoding(7004, "r2", 6, 1000)};
        int picture;

        Sender(EngineHarness.Connected c) {
            timer.scheduleAtFixedRate(() -> {
                for (Encoding e : encodings) {
                    e.sendPicture(c, picture);
                }
                picture++;
            }, 0, 33, TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() {
            timer.shutdownNow();
        }
    }

    private static void remb(EngineHarness.Connected consumerSide, long bitrate, int mediaSsrc) {
        byte[] bytes = RtcpCompound.marshal(List.of(new Remb(0x5EED, bitrate, List.of(mediaSsrc))));
        consumerSide.peer().sendRtcp(bytes, bytes.length);
    }

    private static boolean measured(Producer producer) {
        List<RtpStreamStats> stats = producer.getStats().join();
        return stats.size() == 3 && stats.stream().allMatch(s -> s.bitrate() > 0);
    }

    private static int spatial(Consumer c) {
        ConsumerLayers layers = c.currentLayers();
        return layers == null ? -1 : layers.spatialLayer();
    }

    /** The length of the last few packets the consumer peer got on {@code ssrc}: they tell the encoding apart. */
    private static List<Integer> lastLengths(Recorder r, int ssrc, int count) {
        List<Integer> lengths = r.rtp.stream().filter(p -> p.ssrc() == ssrc).map(Received::length).toList();
        return lengths.subList(Math.max(0, lengths.size() - count), lengths.size());
    }

    @Test
    void aLowEstimateMovesTheConsumerDownALayerAndAHighOneBackUp() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Recorder down = new Recorder();
            var pair = h.videoPair(new Recorder(), down, MediaFixtures.vp8Simulcast("0"));
            var send = pair.send();
            var recv = pair.recv();
            Producer video = pair.producer();
            Consumer c = pair.consumer();
            int ssrc = c.rtpParameters().encodings().get(0).ssrc().intValue();
            List<ConsumerLayers> changes = EngineHarness.layerChanges(c);
            try (Sender sender = new Sender(send)) {
                // No estimate yet: the preferred (top) layer, as without estimation.
                await(() -> spatial(c) == 2);
                assertThat(recv.transport().availableOutgoingBitrate().get(5, TimeUnit.SECONDS)).isEqualTo(-1L);
                await(() -> measured(video));

                // 600 kbit/s: the middle encoding (330k) fits, the top one (1.6M) does not. Down at once.
                remb(recv, 600_000, ssrc);
                await(() -> spatial(c) == 1);
                assertThat(recv.transport().availableOutgoingBitrate().get(5, TimeUnit.SECONDS)).isEqualTo(600_000L);
                // What arrives settles on that encoding's packets (a NACKed resend of an older packet may
                // still be among the first ones after the switch on a loaded machine).
                awaitLong(() -> lastLengths(down, ssrc, 10).stream().allMatch(n -> n > 600 && n < 700));
                assertThat(lastLengths(down, ssrc, 10)).as("r1's 600-byte packets").allMatch(n -> n > 600 && n < 700);

                // 3 Mbit/s: the top encoding with room to spare. Back up.
                remb(recv, 3_000_000, ssrc);
                await(() -> spatial(c) == 2);
                // What arrives settles on that encoding's packets (a NACKed resend of an older packet may
                // still be among the first ones after the switch on a loaded machine).
                awaitLong(() -> lastLengths(down, ssrc, 10).stream().allMatch(n -> n > 1000 && n < 1100));
                assertThat(lastLengths(down, ssrc, 10)).as("r2's 1000-byte packets").allMatch(n -> n > 1000 && n < 1100);

                // 100 kbit/s is not even enough for the middle one: the lowest, never nothing.
                remb(recv, 100_000, ssrc);
                await(() -> spatial(c) == 0);
                // What arrives settles on that encoding's packets (a NACKed resend of an older packet may
                // still be among the first ones after the switch on a loaded machine).
                awaitLong(() -> lastLengths(down, ssrc, 5).stream().allMatch(n -> n > 200 && n < 300));
                assertThat(lastLengths(down, ssrc, 5)).as("r0's 200-byte packets").allMatch(n -> n > 200 && n < 300);
                assertThat(c.preferredLayers()).as("preferred layers untouched").isEqualTo(new ConsumerLayers(2, 2));
            }
            assertThat(changes).extracting(ConsumerLayers::spatialLayer).containsSubsequence(2, 1, 2, 0);
        }
    }

    /** Plays the receiving browser: transport-cc feedback for everything stamped, and notes padding-only packets. */
    static final class FeedbackSide implements LoopbackPeer.Handler {
        final AtomicLong paddingPackets = new AtomicLong();
        volatile LoopbackPeer peer;
        volatile int twccId;
        volatile int rtxSsrc;
        private final TransportCongestionControlServer feedback = new TransportCongestionControlServer(5, 0x5EED,
                f -> {
                    byte[] bytes = RtcpCompound.marshal(List.of(f));
                    peer.sendRtcp(bytes, bytes.length);
                });

        @Override
        public void onRtp(byte[] buf, int len, long arrivalNanos) {
            RtpPacket p = RtpPacket.parse(buf, 0, len);
            if (p == null || twccId == 0) {
                return;
            }
            if (p.ssrc() == rtxSsrc && p.payloadLength() == 0 && p.paddingLength() > 0) {
                paddingPackets.incrementAndGet();
            }
            int wide = RtpExtensions.transportWideSequence(p, twccId);
            if (wide >= 0) {
                feedback.onRtpPacket(wide, p.ssrc(), arrivalNanos);
                feedback.onTick(arrivalNanos);
            }
        }
    }

    @Test
    void probingLiftsAnEstimateThatLittleTrafficHoldsDownSoTheConsumerClimbsBack() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            FeedbackSide browser = new FeedbackSide();
            var pair = h.pausedVideoPair(new Recorder(), browser, MediaFixtures.vp8Simulcast("0"));
            var send = pair.send();
            var recv = pair.recv();
            browser.peer = recv.peer();
            Producer video = pair.producer();
            Consumer c = pair.consumer();
            browser.rtxSsrc = (int) c.rtpParameters().encodings().get(0).rtx().ssrc();
            browser.twccId = MediaFixtures.extensionId(c.rtpParameters(), RtpExtensions.URI_TRANSPORT_WIDE_CC);
            List<ConsumerLayers> changes = EngineHarness.layerChanges(c);
            try (Sender sender = new Sender(send)) {
                await(() -> measured(video));
                c.resume().get(5, TimeUnit.SECONDS);
                // The estimator starts at 600 kbit/s: the middle encoding, and 1.5 × 300k acknowledged will
                // never reach the 1.65M the top one needs with headroom. Only probes can show it.
                await(() -> spatial(c) == 1);
                awaitLong(() -> spatial(c) == 2);
            }
            assertThat(changes).extracting(ConsumerLayers::spatialLayer).containsSubsequence(1, 2);
            assertThat(browser.paddingPackets.get()).as("padding-only packets on the RTX stream").isPositive();
            WebRtcTransportStats stats = recv.transport().getStats().get(5, TimeUnit.SECONDS).get(0);
            assertThat(stats.probationBytesSent()).isPositive();
            // The upgrade itself shows the estimate reached the 1.65M it needs; where it stands after the
            // media stopped is the delay detector's business.
            assertThat(stats.availableOutgoingBitrate()).isPositive();
        }
    }

    /** Probes take a few seconds each, and the machine is shared. */
    private static void awaitLong(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition not met within 30 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void aHigherPriorityConsumerGetsTheTopLayerAndSwappingPrioritiesSwapsLayers() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            var pair = h.videoPair(new Recorder(), new Recorder(), MediaFixtures.vp8Simulcast("0"));
            var send = pair.send();
            var recv = pair.recv();
            Producer video = pair.producer();
            Consumer low = pair.consumer();
            Consumer high = recv.transport().consume(ConsumerOptions.of(video.id(), h.router.rtpCapabilities())
                    .withPaused(false)).get(5, TimeUnit.SECONDS);
            high.setPriority(2).get(5, TimeUnit.SECONDS);
            int ssrc = low.rtpParameters().encodings().get(0).ssrc().intValue();
            try (Sender sender = new Sender(send)) {
                await(() -> measured(video));
                // Room for one top encoding (1.6M) and one middle one (330k), not two top ones.
                remb(recv, 2_400_000, ssrc);
                await(() -> spatial(high) == 2 && spatial(low) == 1);

                // The other way round: the former favourite goes down at once, the other up within a second.
                low.setPriority(3).get(5, TimeUnit.SECONDS);
                await(() -> spatial(low) == 2 && spatial(high) == 1);
                assertThat(low.priority()).isEqualTo(3);
            }
        }
    }
}
