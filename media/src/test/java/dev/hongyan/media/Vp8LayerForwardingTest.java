package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.rtcp.GenericNack;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtp.RtpPacket;
import dev.hongyan.media.rtp.Rtx;
import dev.hongyan.media.rtp.Vp8Descriptor;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A simulcast VP8 consumer through real transports: PictureID and TL0PICIDX stay continuous across a
 * spatial switch, temporal layers are dropped and taken back at sync points, and the receiver sees no
 * sequence hole for anything dropped on purpose.
 */
class Vp8LayerForwardingTest {

    record Got(int seq, int pictureId, int tl0, int tid, boolean key) {}

    static final class Vp8Recorder implements LoopbackPeer.Handler {
        final List<Got> got = new CopyOnWriteArrayList<>();

        @Override
        public void onRtp(byte[] buf, int len, long arrivalNanos) {
            RtpPacket p = RtpPacket.parse(buf, 0, len);
            if (p == null) {
                return;
            }
            Vp8Descriptor d = Vp8Descriptor.parse(p.buffer(), p.payloadOffset(), p.payloadLength());
            got.add(new Got(p.sequenceNumber(), d.pictureId(), d.tl0PicIdx(), d.temporalLayerId(), d.keyframe()));
        }
    }

    /**
     * Loses the third packet on the consumer's media SSRC before SRTP sees it, and keeps the descriptors of
     * what arrives: on the media SSRC by sequence number, on the RTX SSRC by the original sequence number.
     */
    static final class LossyVp8Recorder implements LoopbackPeer.Handler {
        final List<Got> media = new CopyOnWriteArrayList<>();
        final List<Got> resent = new CopyOnWriteArrayList<>();
        volatile int mediaSsrc;
        volatile int rtxSsrc;
        volatile int lostSeq = -1;
        private int seenMedia;

        @Override
        public boolean acceptSrtp(byte[] buf, int len) {
            RtpPacket header = RtpPacket.parse(buf, 0, len); // the RTP header travels in the clear
            if (header != null && header.ssrc() == mediaSsrc && ++seenMedia == 3) {
                lostSeq = header.sequenceNumber();
                return false;
            }
            return true;
        }

        @Override
        public void onRtp(byte[] buf, int len, long arrivalNanos) {
            RtpPacket p = RtpPacket.parse(buf, 0, len);
            if (p == null) {
                return;
            }
            boolean rtx = p.ssrc() == rtxSsrc;
            if (rtx) {
                // The original packet back from its RTX form: the OSN as its sequence number, then its payload.
                byte[] original = new byte[len];
                int n = Rtx.decapsulate(p, original, 0, mediaSsrc, p.payloadType());
                p = n < 0 ? null : RtpPacket.parse(original, 0, n);
            }
            Vp8Descriptor d = p == null ? null : Vp8Descriptor.parse(p.buffer(), p.payloadOffset(), p.payloadLength());
            if (d == null) {
                return; // probing padding
            }
            (rtx ? resent : media).add(new Got(p.sequenceNumber(), d.pictureId(), d.tl0PicIdx(), d.temporalLayerId(),
                    d.keyframe()));
        }
    }

    /** One simulcast encoding as a sender numbers it: its own SSRC, sequence numbers and picture ids. */
    static final class Layer {
        final int ssrc;
        final String rid;
        int seq;
        int pictureId;
        int tl0;
        int picture;

        Layer(int ssrc, String rid, int seq, int pictureId, int tl0) {
            this.ssrc = ssrc;
            this.rid = rid;
            this.seq = seq;
            this.pictureId = pictureId;
            this.tl0 = tl0;
        }

        /** The next picture of an L1T3 cycle (TL0, TL2 sync, TL1 sync, TL2), in two packets. */
        void sendPicture(EngineHarness.Connected c, boolean key) {
            int phase = key ? 0 : picture % 4;
            if (key) {
                picture = 0;
            }
            int tid = phase == 0 ? 0 : phase == 2 ? 1 : 2;
            boolean sync = phase == 1 || phase == 2;
            if (tid == 0) {
                tl0 = (tl0 + 1) & 0xFF;
            }
            int ts = 90_000 + pictureId * 3000;
            for (int k = 0; k < 2; k++) {
                byte[] v = MediaFixtures.vp8LayeredPacket(ssrc, seq++, ts, key && k == 0, pictureId, true, tl0, tid,
                        sync, 200, "0", rid);
                c.peer().sendRtp(v, v.length);
            }
            pictureId = (pictureId + 1) & 0x7FFF;
            picture++;
        }
    }

    @Test
    void aResentPacketCarriesThePictureIdItWasFirstSentWithNotTheSourcesOne() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            LossyVp8Recorder down = new LossyVp8Recorder();
            var pair = h.videoPair(new Recorder(), down, MediaFixtures.vp8Simulcast("0"));
            Consumer c = pair.consumer();
            down.mediaSsrc = c.rtpParameters().encodings().get(0).ssrc().intValue();
            down.rtxSsrc = (int) c.rtpParameters().encodings().get(0).rtx().ssrc();
            // Temporal layer 0 only: the dropped pictures are squeezed out of the PictureIDs sent.
            c.setPreferredLayers(new ConsumerLayers(2, 0)).get(5, TimeUnit.SECONDS);
            Layer high = new Layer(5002, "r2", 30000, 1234, 7);
            high.sendPicture(pair.send(), true);
            for (int i = 1; i < 8; i++) {
                high.sendPicture(pair.send(), false); // TL0 again at picture 4 (source PictureID 1238)
            }
            await(() -> down.media.size() == 3); // pictures 0 and 4, two packets each, the third lost
            int lost = down.lostSeq;
            Got twin = down.media.get(2); // the lost packet's twin: the other half of picture 4
            assertThat(twin.seq()).isEqualTo((lost + 1) & 0xFFFF);
            assertThat(twin.pictureId()).as("squeezed: picture 4 of the source went out as the second").isEqualTo(1235);

            byte[] nack = RtcpCompound.marshal(List.of(GenericNack.of(1, down.mediaSsrc, lost)));
            pair.recv().peer().sendRtcp(nack, nack.length);
            await(() -> down.resent.stream().anyMatch(g -> g.seq() == lost));
            Got again = down.resent.stream().filter(g -> g.seq() == lost).findFirst().orElseThrow();
            assertThat(again.pictureId()).as("as first sent, not the source's 1238").isEqualTo(twin.pictureId());
            assertThat(again.tl0()).isEqualTo(twin.tl0());
        }
    }

    @Test
    void pictureIdsContinueAcrossASpatialSwitchAndTemporalDropsLeaveNoHoles() throws Exception {
        try (EngineHarness h = new EngineHarness()) {
            Vp8Recorder down = new Vp8Recorder();
            var pair = h.videoPair(new Recorder(), down, MediaFixtures.vp8Simulcast("0"));
            var send = pair.send();
            Consumer c = pair.consumer();
            assertThat(c.preferredLayers()).isEqualTo(new ConsumerLayers(2, 2));
            List<ConsumerLayers> changes = EngineHarness.layerChanges(c);
            Layer low = new Layer(5000, "r0", 100, 0x7FE4, 200); // its picture ids wrap just after the switch to it
            Layer high = new Layer(5002, "r2", 30000, 1234, 7);

            // The high layer first, so the consumer aims at it from its first keyframe.
            high.sendPicture(send, true);
            await(() -> down.got.size() == 2);
            low.sendPicture(send, true);
            for (int i = 1; i < 8; i++) {
                high.sendPicture(send, false);
                low.sendPicture(send, false);
            }
            await(() -> down.got.size() == 16);
            assertThat(c.currentLayers()).isEqualTo(new ConsumerLayers(2, 2));
            assertThat(down.got).extracting(Got::pictureId).startsWith(1234, 1234, 1235, 1235);

            // Temporal layer 0 only: at once, from the next picture.
            c.setPreferredLayers(new ConsumerLayers(2, 0)).get(5, TimeUnit.SECONDS);
            await(() -> changes.contains(new ConsumerLayers(2, 0)));
            for (int i = 0; i < 8; i++) {
                high.sendPicture(send, false); // pictures 8..15 of the cycle: TL0 at 8 and 12
                low.sendPicture(send, false);
            }
            await(() -> down.got.size() == 20);
            Thread.sleep(100);
            assertThat(down.got).hasSize(20);
            assertThat(down.got.subList(16, 20)).extracting(Got::tid).containsOnly(0);

            // Back up to layer 2: TL0 goes on, TL2 sync is not enough while TL1 is missing, TL1 sync takes
            // layer 1, the next TL2 sync takes layer 2.
            c.setPreferredLayers(new ConsumerLayers(2, 2)).get(5, TimeUnit.SECONDS);
            for (int i = 0; i < 8; i++) {
                high.sendPicture(send, false); // cycle positions 0,1,2,3,0,1,2,3
                low.sendPicture(send, false);
            }
            // TL0 (2), TL2 sync dropped, TL1 sync (2), TL2 dropped, TL0 (2), TL2 sync (2), TL1 (2), TL2 (2).
            await(() -> down.got.size() == 32);
            assertThat(down.got.subList(20, 32)).extracting(Got::tid).containsExactly(0, 0, 1, 1, 0, 0, 2, 2, 1, 1, 2, 2);
            await(() -> changes.contains(new ConsumerLayers(2, 1)) && changes.get(changes.size() - 1)
                    .equals(new ConsumerLayers(2, 2)));

            // Down to the low encoding: after its keyframe, the numbering goes on from the high one's.
            Got lastHigh = down.got.get(31);
            c.setPreferredLayers(new ConsumerLayers(0, 2)).get(5, TimeUnit.SECONDS);
            low.sendPicture(send, false); // a delta: not yet
            high.sendPicture(send, false);
            await(() -> down.got.size() == 34);
            low.sendPicture(send, true);
            high.sendPicture(send, false);
            for (int i = 1; i < 8; i++) {
                low.sendPicture(send, false); // the source crosses 0x7FFF -> 0 here
            }
            await(() -> down.got.size() == 50);
            await(() -> changes.get(changes.size() - 1).equals(new ConsumerLayers(0, 2)));
            Got afterSwitch = down.got.get(34);
            assertThat(afterSwitch.key()).isTrue();
            assertThat(afterSwitch.pictureId()).as("continues from the last picture sent")
                    .isEqualTo((down.got.get(33).pictureId() + 1) & 0x7FFF);
            assertThat(lastHigh.pictureId()).isLessThan(down.got.get(33).pictureId());

            // Over the whole run: consecutive sequence numbers (nothing dropped on purpose shows as a hole),
            // PictureIDs that never go back and step by at most one picture, TL0PICIDX likewise.
            List<Got> g = down.got;
            for (int i = 1; i < g.size(); i++) {
                assertThat((g.get(i).seq() - g.get(i - 1).seq()) & 0xFFFF).as("seq step at %d", i).isEqualTo(1);
                assertThat((g.get(i).pictureId() - g.get(i - 1).pictureId()) & 0x7FFF).as("picture step at %d", i)
                        .isBetween(0, 1);
                assertThat((g.get(i).tl0() - g.get(i - 1).tl0()) & 0xFF).as("tl0 step at %d", i).isBetween(0, 1);
            }
            assertThat(g.get(g.size() - 1).pictureId()).isEqualTo((afterSwitch.pictureId() + 7) & 0x7FFF);
        }
    }
}
