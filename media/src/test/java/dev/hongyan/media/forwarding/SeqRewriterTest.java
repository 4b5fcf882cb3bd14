package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeqRewriterTest {
    private static final long MS = 1_000_000L;

    @Test
    void continuityAcrossResyncAndASourceWithOtherNumbering() {
        SeqRewriter r = new SeqRewriter();
        long now = 0;
        int lastSeq = -1;
        int lastTs = 0;
        for (int i = 0; i < 10; i++) {
            assertThat(r.rewrite(65530 + i & 0xFFFF, 1000 + i * 3000, now += 33 * MS, 90000)).isTrue();
            if (lastSeq >= 0) {
                assertThat((r.outSeq() - lastSeq) & 0xFFFF).isEqualTo(1);
                assertThat(r.outTs() - lastTs).isEqualTo(3000);
            }
            lastSeq = r.outSeq();
            lastTs = r.outTs();
        }
        // Pause for a second, then a new source (simulcast switch) with unrelated numbers.
        r.requireSync();
        now += 1000 * MS;
        assertThat(r.rewrite(12, 777_777, now, 90000)).isTrue();
        assertThat((r.outSeq() - lastSeq) & 0xFFFF).isEqualTo(1);
        assertThat(r.outTs() - lastTs).isBetween(90_000, 95_000); // ~1 s of 90 kHz after the last one sent
        int anchor = r.outSeq();
        assertThat(r.rewrite(11, 777_000, now, 90000)).as("older than the anchor").isFalse();
        assertThat(r.rewrite(13, 777_777, now, 90000)).isTrue();
        assertThat(r.outSeq()).isEqualTo((anchor + 1) & 0xFFFF);
    }

    @Test
    void keepsForwardingLongAfterTheAnchorAcrossManyWraps() {
        SeqRewriter r = new SeqRewriter();
        int last = -1;
        for (int i = 0; i < 200_000; i++) {
            assertThat(r.rewrite(i & 0xFFFF, i * 10, i * MS, 90000)).as("packet %d", i).isTrue();
            if (last >= 0) {
                assertThat((r.outSeq() - last) & 0xFFFF).isEqualTo(1);
            }
            last = r.outSeq();
        }
        assertThat(r.rewrite((200_000 - 5) & 0xFFFF, 0, 0, 90000)).as("reordered, recent").isTrue();
    }

    @Test
    void skippedPacketsLeaveNoGap() {
        SeqRewriter r = new SeqRewriter();
        r.rewrite(100, 0, 0, 90000);
        int first = r.outSeq();
        r.skip(101);
        r.skip(102);
        r.rewrite(103, 0, MS, 90000);
        assertThat((r.outSeq() - first) & 0xFFFF).isEqualTo(1);
        // A real loss after that still shows as a gap the receiver can NACK.
        r.rewrite(105, 0, 2 * MS, 90000);
        assertThat((r.outSeq() - first) & 0xFFFF).isEqualTo(3);
    }

    @Test
    void aLatePacketIsNumberedAsIfItHadComeBeforeTheSkipsAfterIt() {
        SeqRewriter r = new SeqRewriter();
        r.rewrite(100, 0, 0, 90000);
        int first = r.outSeq();
        // 101 is late; 102 and 104 are skipped; 103 and 105 are forwarded.
        r.skip(102);
        r.rewrite(103, 0, MS, 90000);
        assertThat((r.outSeq() - first) & 0xFFFF).as("a hole is left for 101").isEqualTo(2);
        r.skip(104);
        r.rewrite(105, 0, 2 * MS, 90000);
        assertThat((r.outSeq() - first) & 0xFFFF).isEqualTo(3);
        assertThat(r.rewrite(101, 0, 3 * MS, 90000)).isTrue();
        assertThat((r.outSeq() - first) & 0xFFFF).as("101 fills its hole").isEqualTo(1);
        assertThat(r.rewrite(103, 0, 3 * MS, 90000)).isTrue();
        assertThat((r.outSeq() - first) & 0xFFFF).as("a duplicate of 103 gets 103's number").isEqualTo(2);
    }

    @Test
    void aLatePacketOlderThanEverySkipRememberedIsRefused() {
        SeqRewriter r = new SeqRewriter();
        r.rewrite(1000, 0, 0, 90000);
        // 1001 is late; then more skips than are remembered.
        int seq = 1002;
        for (int i = 0; i < SeqRewriter.SKIP_MEMORY + 10; i++) {
            r.skip(seq++);
            r.rewrite(seq++, 0, MS, 90000);
        }
        assertThat(r.rewrite(1001, 0, 2 * MS, 90000)).as("how many skips followed it is no longer known").isFalse();
        int newest = r.outSeq();
        // A late copy of the packet before the newest (one skip between them) is still placed.
        assertThat(r.rewrite(seq - 3, 0, 2 * MS, 90000)).isTrue();
        assertThat((newest - r.outSeq()) & 0xFFFF).isEqualTo(1);
    }
}
