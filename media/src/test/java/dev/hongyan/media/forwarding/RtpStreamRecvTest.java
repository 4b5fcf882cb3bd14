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
    void scoreFollowsDelivery() {
        assertThat(Scores.fromDelivery(100, 0, 0, 0)).isEqualTo(10);
        assertThat(Scores.fromDelivery(100, 10, 0, 0)).isEqualTo(7);
        assertThat(Scores.fromDelivery(100, 10, 10, 0)).isEqualTo(10);
        assertThat(Scores.fromDelivery(0, 0, 0, 6)).isEqualTo(6);
    }
}
