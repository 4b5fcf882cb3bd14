package dev.hongyan.media.forwarding;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.rtcp.ReportBlock;
import org.junit.jupiter.api.Test;

class RtpStreamRecvTest {
    private static final long MS = 1_000_000L;

    @Test
    void lossNackRepairAndReport() {
        RtpStreamRecv r = new RtpStreamRecv(90000, true);
        for (int s = 65530; s < 65536; s++) {
            assertThat(r.receive(s, 0, 100, s * MS, false)).isEqualTo(RtpStreamRecv.NEWEST);
        }
        assertThat(r.receive(3, 0, 100, 10 * MS, false)).isEqualTo(RtpStreamRecv.NEWEST); // 0,1,2 lost across the wrap
        int[] out = new int[16];
        assertThat(r.collectNacks(out, 11 * MS)).isEqualTo(3);
        assertThat(out).startsWith(0, 1, 2);
        assertThat(r.collectNacks(out, 12 * MS)).as("not again before the retry interval").isZero();
        assertThat(r.receive(1, 0, 100, 13 * MS, true)).isEqualTo(RtpStreamRecv.OUT_OF_ORDER);
        assertThat(r.receive(1, 0, 100, 14 * MS, true)).isEqualTo(RtpStreamRecv.DUPLICATE);
        assertThat(r.packetsRepaired()).isEqualTo(1);
        ReportBlock b = r.reportBlock(42, 20 * MS);
        assertThat(b.extendedHighestSequence()).isEqualTo(65536 + 3);
        assertThat(b.cumulativeLost()).isEqualTo(2);
        assertThat(b.fractionLost()).isEqualTo(2 * 256 / 10);
        assertThat(r.nackCount()).isEqualTo(1);
        assertThat(r.nackPacketCount()).isEqualTo(3);
    }

    @Test
    void bigJumpsKeepTheNewest512MissingAndReportOnlyNewGaps() {
        RtpStreamRecv r = new RtpStreamRecv(90000, true);
        r.receive(0, 0, 100, MS, false);
        assertThat(r.newMissing()).isZero();
        int seq = 0;
        for (int jump = 0; jump < 10; jump++) {
            seq += 256; // 255 lost each time: the largest gap still NACKed
            assertThat(r.receive(seq, 0, 100, 2 * MS, false)).isEqualTo(RtpStreamRecv.NEWEST);
            assertThat(r.newMissing()).isEqualTo(255);
        }
        assertThat(r.receive(seq + 1, 0, 100, 3 * MS, false)).isEqualTo(RtpStreamRecv.NEWEST);
        assertThat(r.newMissing()).as("no gap before it").isZero();
        int[] out = new int[1024];
        int n = r.collectNacks(out, 4 * MS);
        assertThat(n).isEqualTo(512);
        // The newest 512 of the 2,550 lost, oldest first: 2559 - 1 back to ..., skipping the received multiples of 256.
        java.util.List<Integer> expected = new java.util.ArrayList<>();
        for (int s = seq - 1; expected.size() < 512; s--) {
            if (s % 256 != 0) {
                expected.add(0, s);
            }
        }
        assertThat(java.util.Arrays.stream(out, 0, n).boxed().toList()).isEqualTo(expected);
        assertThat(r.receive(seq - 1, 0, 100, 5 * MS, true)).isEqualTo(RtpStreamRecv.OUT_OF_ORDER);
        assertThat(r.newMissing()).isZero();
    }

    @Test
    void scoreFollowsDelivery() {
        assertThat(Scores.fromDelivery(100, 0, 0, 0)).isEqualTo(10);
        assertThat(Scores.fromDelivery(100, 10, 0, 0)).isEqualTo(7);
        assertThat(Scores.fromDelivery(100, 10, 10, 0)).isEqualTo(10);
        assertThat(Scores.fromDelivery(0, 0, 0, 6)).isEqualTo(6);
    }
}
