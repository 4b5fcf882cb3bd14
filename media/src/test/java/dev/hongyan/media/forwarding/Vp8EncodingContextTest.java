package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.rtp.Vp8Descriptor;
import dev.hongyan.media.rtp.Vp8PayloadDescriptor;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Crafted VP8 payloads through a consumer's encoding context and sequence rewriter, as the consumer drives
 * them; what comes out is read back with {@link Vp8Descriptor}, the parser the receive side uses.
 */
class Vp8EncodingContextTest {
    private static final long MS = 1_000_000L;

    /** One source packet: a VP8 payload descriptor with I, L and T (RFC 7741 §4.2), then the VP8 header byte. */
    record Pkt(int seq, int ts, int pictureId, boolean wide, int tl0, int tid, boolean sync, boolean key) {
        byte[] payload() {
            List<Integer> b = new ArrayList<>();
            b.add(0x90);              // X=1, S=1, partition 0
            b.add(0xE0);              // I, L, T
            if (wide) {
                b.add(0x80 | (pictureId >>> 8 & 0x7F));
                b.add(pictureId & 0xFF);
            } else {
                b.add(pictureId & 0x7F);
            }
            b.add(tl0 & 0xFF);
            b.add(tid << 6 | (sync ? 0x20 : 0));
            b.add(key ? 0x10 : 0x11); // P bit: 0 for a keyframe
            for (int i = 0; i < 20; i++) {
                b.add(i);
            }
            byte[] out = new byte[b.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) (int) b.get(i);
            }
            return out;
        }
    }

    record Out(int seq, Vp8Descriptor d) {}

    /** The consumer's loop for one stream: anchor, VP8 decision, skip or rewrite, descriptor rewrite. */
    static final class Forwarder {
        final SeqRewriter seq = new SeqRewriter();
        final Vp8EncodingContext vp8;
        /** As the producer parses each packet on receipt. */
        final Vp8PayloadDescriptor descriptor = new Vp8PayloadDescriptor();
        final List<Out> sent = new ArrayList<>();
        long now;

        Forwarder(int temporalLayers) {
            vp8 = new Vp8EncodingContext(temporalLayers);
        }

        void switchSource() {
            seq.requireSync();
        }

        boolean offer(Pkt p) {
            now += MS;
            byte[] payload = p.payload();
            boolean anchor = seq.syncRequired();
            if (anchor && !p.key()) {
                return false;
            }
            descriptor.parse(payload, 0, payload.length);
            if (!vp8.process(descriptor, p.key(), p.ts(), anchor)) {
                seq.skip(p.seq());
                return false;
            }
            if (!seq.rewrite(p.seq(), p.ts(), now, 90000)) {
                return false;
            }
            vp8.write(payload, 0, descriptor);
            sent.add(new Out(seq.outSeq(), Vp8Descriptor.parse(payload, 0, payload.length)));
            return true;
        }

        Out last() {
            return sent.get(sent.size() - 1);
        }
    }

    @Test
    void pictureIdAndTl0ContinueAcrossASimulcastSwitch() {
        Forwarder f = new Forwarder(1);
        // Layer A: pictures 100..104, TL0 7..11, two packets each.
        int seq = 1000;
        for (int pic = 0; pic < 5; pic++) {
            for (int k = 0; k < 2; k++) {
                f.offer(new Pkt(seq++, pic * 3000, 100 + pic, true, 7 + pic, 0, false, pic == 0 && k == 0));
            }
        }
        Out lastA = f.last();
        assertThat(lastA.d().pictureId()).isEqualTo(104);
        assertThat(lastA.d().tl0PicIdx()).isEqualTo(11);
        // Switch to layer B with unrelated numbering: its deltas are refused until its keyframe.
        f.switchSource();
        assertThat(f.offer(new Pkt(50, 100_000, 9000, true, 200, 0, false, false))).isFalse();
        assertThat(f.offer(new Pkt(51, 103_000, 9001, true, 201, 0, false, true))).isTrue();
        assertThat(f.last().d().pictureId()).as("next after 104").isEqualTo(105);
        assertThat(f.last().d().tl0PicIdx()).isEqualTo(12);
        assertThat(f.last().seq()).isEqualTo((lastA.seq() + 1) & 0xFFFF);
        assertThat(f.offer(new Pkt(52, 103_000, 9001, true, 201, 0, false, false))).isTrue();
        assertThat(f.last().d().pictureId()).as("same picture, same id").isEqualTo(105);
        assertThat(f.offer(new Pkt(53, 106_000, 9002, true, 202, 0, false, false))).isTrue();
        assertThat(f.last().d().pictureId()).isEqualTo(106);
        assertThat(f.last().d().tl0PicIdx()).isEqualTo(13);
        // A picture the source skipped stays a gap in the PictureIDs (only pictures dropped here are squeezed out).
        assertThat(f.offer(new Pkt(54, 112_000, 9004, true, 204, 0, false, false))).isTrue();
        assertThat(f.last().d().pictureId()).isEqualTo(108);
        assertThat(f.last().d().tl0PicIdx()).isEqualTo(15);
        // Back to layer A: continuing from 108 whatever A's own numbers are now.
        f.switchSource();
        assertThat(f.offer(new Pkt(seq++, 20 * 3000, 120, true, 27, 0, false, true))).isTrue();
        assertThat(f.last().d().pictureId()).isEqualTo(109);
        assertThat(f.last().d().tl0PicIdx()).isEqualTo(16);
        assertThat(seqsContinuous(f.sent)).isTrue();
    }

    @Test
    void fifteenBitPictureIdsWrapAt32768AndTl0At256() {
        Forwarder f = new Forwarder(1);
        int seq = 65530; // the sequence number wraps too
        for (int pic = 0; pic < 10; pic++) {
            int id = (0x7FFA + pic) & 0x7FFF;
            assertThat(f.offer(new Pkt(seq++ & 0xFFFF, pic * 3000, id, true, (250 + pic) & 0xFF, 0, false, pic == 0)))
                    .isTrue();
            assertThat(f.last().d().pictureId()).isEqualTo(id);
            assertThat(f.last().d().tl0PicIdx()).isEqualTo((250 + pic) & 0xFF);
        }
        // A switch right after the wrap continues from 0x0003.
        f.switchSource();
        f.offer(new Pkt(7, 999, 0x1234, true, 3, 0, false, true));
        assertThat(f.last().d().pictureId()).isEqualTo(4);
        assertThat(f.last().d().tl0PicIdx()).isEqualTo(4);
        assertThat(seqsContinuous(f.sent)).isTrue();
    }

    @Test
    void sevenBitPictureIdsStaySevenBitsAndWrapAt128() {
        Forwarder f = new Forwarder(1);
        int seq = 10;
        for (int pic = 0; pic < 6; pic++) {
            f.offer(new Pkt(seq++, pic * 3000, (125 + pic) & 0x7F, false, pic, 0, false, pic == 0));
            assertThat(f.last().d().pictureId()).isEqualTo((125 + pic) & 0x7F);
            assertThat(f.last().d().headerLength()).as("the M bit width is kept").isEqualTo(5);
        }
        // Into a 15-bit source: it keeps its width, and the numbering carries on (131 = 3 mod 128).
        f.switchSource();
        f.offer(new Pkt(900, 1, 0x5000, true, 40, 0, false, true));
        assertThat(f.last().d().pictureId()).isEqualTo(131);
        assertThat(f.last().d().headerLength()).isEqualTo(6);
        // And back into a 7-bit source near its own wrap.
        f.switchSource();
        f.offer(new Pkt(seq++, 100 * 3000, 127, false, 9, 0, false, true));
        assertThat(f.last().d().pictureId()).isEqualTo(4);
        f.offer(new Pkt(seq++, 101 * 3000, 0, false, 10, 0, false, false));
        assertThat(f.last().d().pictureId()).as("source wrapped 127 -> 0").isEqualTo(5);
        assertThat(seqsContinuous(f.sent)).isTrue();
    }

    /** libwebrtc's L1T3 cycle: TL0, TL2 (sync), TL1 (sync), TL2; the picture after a TL0 refers only to it. */
    private static int tidOf(int pic) {
        return switch (pic % 4) {
            case 0 -> 0;
            case 2 -> 1;
            default -> 2;
        };
    }

    private static Pkt l1t3(int pic, int packet, int packetsPerPicture) {
        int tid = tidOf(pic);
        boolean sync = pic % 4 == 1 || pic % 4 == 2;
        return new Pkt(5000 + pic * packetsPerPicture + packet, pic * 3000, 300 + pic, true, 50 + pic / 4, tid, sync,
                pic == 0 && packet == 0);
    }

    @Test
    void temporalLayersAboveTheTargetAreDroppedWithoutSequenceOrPictureIdGaps() {
        Forwarder f = new Forwarder(3);
        f.vp8.setTargetTemporal(0);
        for (int pic = 0; pic < 12; pic++) {
            for (int k = 0; k < 2; k++) {
                f.offer(l1t3(pic, k, 2));
            }
        }
        // Only pictures 0, 4, 8 (TL0), two packets each.
        assertThat(f.sent).hasSize(6);
        assertThat(f.sent).extracting(o -> o.d().temporalLayerId()).containsOnly(0);
        assertThat(f.sent).extracting(o -> o.d().pictureId()).containsExactly(300, 300, 301, 301, 302, 302);
        assertThat(f.sent).extracting(o -> o.d().tl0PicIdx()).containsExactly(50, 50, 51, 51, 52, 52);
        assertThat(seqsContinuous(f.sent)).as("dropped packets leave no sequence hole").isTrue();
        assertThat(f.vp8.currentTemporal()).isZero();
    }

    @Test
    void steppingUpWaitsForALayerSyncPictureOneLayerAtATimeAndSteppingDownIsImmediate() {
        Forwarder f = new Forwarder(3);
        f.vp8.setTargetTemporal(0);
        int pic = 0;
        for (; pic < 4; pic++) {
            f.offer(l1t3(pic, 0, 1));
        }
        assertThat(f.vp8.currentTemporal()).isZero();
        f.vp8.setTargetTemporal(2);
        assertThat(f.vp8.currentTemporal()).as("up waits").isZero();
        // pic 4: TL0, forwarded. pic 5: TL2 sync, but layer 1 is not there yet: dropped.
        assertThat(f.offer(l1t3(pic++, 0, 1))).isTrue();
        assertThat(f.offer(l1t3(pic++, 0, 1))).isFalse();
        // pic 6: TL1 sync: layer 1 from here.
        assertThat(f.offer(l1t3(pic++, 0, 1))).isTrue();
        assertThat(f.vp8.currentTemporal()).isEqualTo(1);
        // pic 7: TL2 without sync (it refers to the TL1 picture): layer 2 is not synced yet: dropped.
        assertThat(f.offer(l1t3(pic++, 0, 1))).isFalse();
        assertThat(f.offer(l1t3(pic++, 0, 1))).isTrue(); // 8: TL0
        assertThat(f.offer(l1t3(pic++, 0, 1))).isTrue(); // 9: TL2 sync: layer 2 from here
        assertThat(f.vp8.currentTemporal()).isEqualTo(2);
        assertThat(f.offer(l1t3(pic++, 0, 1))).isTrue(); // 10: TL1
        assertThat(f.offer(l1t3(pic++, 0, 1))).isTrue(); // 11: TL2, no sync needed now
        // Down to 0, while picture 12 (TL0) is in flight over two packets.
        f.offer(new Pkt(5012, 12 * 3000, 312, true, 53, 0, false, false));
        f.vp8.setTargetTemporal(0);
        assertThat(f.vp8.currentTemporal()).as("down is immediate").isZero();
        assertThat(f.offer(new Pkt(5013, 12 * 3000, 312, true, 53, 0, false, false))).as("the picture in flight ends")
                .isTrue();
        assertThat(f.offer(new Pkt(5014, 13 * 3000, 313, true, 53, 2, true, false))).isFalse();
        assertThat(f.offer(new Pkt(5015, 14 * 3000, 314, true, 53, 1, true, false))).isFalse();
        // The source skipped picture 315 (an encoder frame drop): that gap stays.
        assertThat(f.offer(new Pkt(5016, 16 * 3000, 316, true, 54, 0, false, false))).isTrue();
        // Pictures 301-303, 305, 307, 313 and 314 dropped here and squeezed out of the numbering.
        assertThat(f.sent).extracting(o -> o.d().pictureId())
                .containsExactly(300, 301, 302, 303, 304, 305, 306, 307, 307, 309);
        assertThat(seqsContinuous(f.sent)).as("no sequence hole for any dropped packet").isTrue();
    }

    @Test
    void aKeyFrameAllowsEveryLayerUpToTheTargetAtOnce() {
        Forwarder f = new Forwarder(3);
        f.vp8.setTargetTemporal(0);
        f.offer(l1t3(0, 0, 1));
        f.vp8.setTargetTemporal(2);
        assertThat(f.offer(new Pkt(6000, 4 * 3000, 304, true, 51, 0, false, true))).isTrue();
        assertThat(f.vp8.currentTemporal()).isEqualTo(2);
        assertThat(f.offer(new Pkt(6001, 5 * 3000, 305, true, 51, 2, false, false))).isTrue();
    }

    @Test
    void latePacketsAreNumberedAsIfOnTimeAndLatePacketsOfDroppedPicturesStayDropped() {
        Forwarder f = new Forwarder(3);
        f.vp8.setTargetTemporal(1);
        // Pictures 0..5 (TL0, TL2, TL1, TL2, TL0, TL2), two packets each; the second packet of picture 2 is late.
        Pkt late = null;
        for (int pic = 0; pic < 6; pic++) {
            for (int k = 0; k < 2; k++) {
                Pkt p = l1t3(pic, k, 2);
                if (pic == 2 && k == 1) {
                    late = p;
                    continue;
                }
                f.offer(p);
            }
        }
        List<Out> onTime = List.copyOf(f.sent);
        assertThat(onTime).extracting(o -> o.d().pictureId()).containsExactly(300, 300, 301, 302, 302);
        // The late packet lands in the hole left for it, with its picture's rewritten id.
        assertThat(f.offer(late)).isTrue();
        Out filled = f.last();
        assertThat(filled.seq()).isEqualTo((onTime.get(2).seq() + 1) & 0xFFFF);
        assertThat(filled.d().pictureId()).isEqualTo(301);
        assertThat((onTime.get(3).seq() - filled.seq()) & 0xFFFF).isEqualTo(1);
        // A late copy of a packet of dropped picture 3 is dropped again.
        assertThat(f.offer(l1t3(3, 1, 2))).isFalse();
    }

    private static boolean seqsContinuous(List<Out> sent) {
        for (int i = 1; i < sent.size(); i++) {
            if (((sent.get(i).seq() - sent.get(i - 1).seq()) & 0xFFFF) != 1) {
                return false;
            }
        }
        return true;
    }
}
