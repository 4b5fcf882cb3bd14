package dev.hongyan.media.bwe;

import static dev.hongyan.media.rtcp.TransportCcFeedback.PacketStatus.NOT_RECEIVED;
import static dev.hongyan.media.rtcp.TransportCcFeedback.PacketStatus.ofDelta;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.TransportCcFeedback;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receive side: when feedback goes out, what it says, and that it reads back into the same arrivals. */
class TransportCongestionControlServerTest {
    private static final long MS = 1_000_000L;
    private final List<TransportCcFeedback> sent = new ArrayList<>();
    private final TransportCongestionControlServer server = new TransportCongestionControlServer(5, 0xABCD, sent::add);

    @Test
    void feedbackEveryHundredMillisecondsWithLostPacketsAndReferenceTime() {
        long t0 = 1_000 * MS; // 1 s: reference time 15 (960 ms), first delta 40 ms
        for (int i = 0; i < 10; i++) {
            if (i != 3 && i != 4) {
                server.onRtpPacket(100 + i, 0x1234, t0 + i * 10 * MS);
            }
            server.onTick(t0 + i * 10 * MS);
        }
        assertThat(sent).isEmpty();
        server.onTick(t0 + 100 * MS);
        assertThat(sent).hasSize(1);
        TransportCcFeedback f = sent.get(0);
        assertThat(f.senderSsrc()).isEqualTo(0xABCD);
        assertThat(f.mediaSsrc()).isEqualTo(0x1234);
        assertThat(f.baseSequence()).isEqualTo(100);
        assertThat(f.referenceTime()).isEqualTo(15);
        assertThat(f.feedbackPacketCount()).isZero();
        assertThat(f.packets()).containsExactly(ofDelta(160), ofDelta(40), ofDelta(40), NOT_RECEIVED, NOT_RECEIVED,
                ofDelta(120), ofDelta(40), ofDelta(40), ofDelta(40), ofDelta(40));
        // Nothing new: no feedback. Then the next packet starts the next feedback, counted 1.
        server.onTick(t0 + 200 * MS);
        assertThat(sent).hasSize(1);
        server.onRtpPacket(110, 0x1234, t0 + 250 * MS);
        server.onTick(t0 + 300 * MS);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).baseSequence()).isEqualTo(110);
        assertThat(sent.get(1).feedbackPacketCount()).isEqualTo(1);
        assertThat(sent.get(1).packets()).hasSize(1);
    }

    @Test
    void manyPendingPacketsSendFeedbackBeforeTheTimer() {
        for (int i = 0; i < TransportCongestionControlServer.MAX_PENDING; i++) {
            server.onRtpPacket(i, 1, i * 100_000L);
        }
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).packetStatusCount()).isEqualTo(TransportCongestionControlServer.MAX_PENDING);
    }

    @Test
    void aLateArrivalIsReportedAgainAndDuplicatesAreIgnored() {
        server.onRtpPacket(1, 1, 0);
        server.onRtpPacket(3, 1, MS);
        server.onRtpPacket(3, 1, 2 * MS);
        server.onTick(100 * MS);
        assertThat(sent.get(0).packets()).containsExactly(ofDelta(0), NOT_RECEIVED, ofDelta(4));
        server.onRtpPacket(2, 1, 150 * MS); // arrives after it was reported lost
        server.onRtpPacket(4, 1, 151 * MS);
        server.onTick(200 * MS);
        TransportCcFeedback again = sent.get(1);
        assertThat(again.baseSequence()).isEqualTo(2);
        assertThat(again.packets()).hasSize(3).allMatch(TransportCcFeedback.PacketStatus::received);
    }

    @Test
    void sequenceWrapAndAGapWiderThanTheWindow() {
        server.onRtpPacket(65534, 1, 0);
        server.onRtpPacket(65535, 1, MS);
        server.onRtpPacket(0, 1, 2 * MS);
        server.onRtpPacket(1, 1, 3 * MS);
        server.onTick(100 * MS);
        assertThat(sent.get(0).baseSequence()).isEqualTo(65534);
        assertThat(sent.get(0).packets()).hasSize(4).allMatch(TransportCcFeedback.PacketStatus::received);
        // The sender jumped far ahead: only the window's worth before the new packet is reported.
        server.onRtpPacket(1 + 3 * TransportCongestionControlServer.WINDOW, 1, 150 * MS);
        server.onTick(200 * MS);
        TransportCcFeedback jump = sent.get(sent.size() - 1);
        int total = sent.subList(1, sent.size()).stream().mapToInt(TransportCcFeedback::packetStatusCount).sum();
        assertThat(total).isEqualTo(TransportCongestionControlServer.WINDOW);
        assertThat(jump.packets().get(jump.packetStatusCount() - 1).received()).isTrue();
    }

    @Test
    void aLongPauseSplitsFeedbackWhereTheDeltaNoLongerFits() {
        server.onRtpPacket(10, 1, 0);
        server.onRtpPacket(11, 1, 9_000 * MS); // 36000 ticks: more than a signed 16-bit delta
        server.onTick(9_000 * MS);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).baseSequence()).isEqualTo(10);
        assertThat(sent.get(1).baseSequence()).isEqualTo(11);
        assertThat(sent.get(1).feedbackPacketCount()).isEqualTo(1);
    }

    @Test
    void feedbackReadsBackIntoTheSameArrivalTimesOnTheSendSide() {
        TransportCongestionControlClient client = new TransportCongestionControlClient(SendSideEstimator.withDefaults());
        long[] arrivals = new long[300];
        for (int i = 0; i < arrivals.length; i++) {
            long send = 5_000 * MS + i * 3 * MS;
            client.onPacketSent(65_400 + i, 1000, send);
            arrivals[i] = send + 20 * MS + (i % 7) * 1_300_000L; // jitter, in nanoseconds
            if (i % 50 != 25) {
                server.onRtpPacket((65_400 + i) & 0xFFFF, 1, arrivals[i]);
            }
            server.onTick(arrivals[i]);
        }
        server.onTick(10_000 * MS);
        List<PacketResult> results = new ArrayList<>();
        for (TransportCcFeedback f : sent) {
            TransportCcFeedback wire = (TransportCcFeedback) RtcpCompound.parse(RtcpCompound.marshal(List.of(f))).get(0);
            results.addAll(client.onFeedback(wire, 10_000 * MS));
        }
        assertThat(results).hasSize(300);
        PacketResult first = results.get(0);
        for (int i = 0; i < results.size(); i++) {
            PacketResult r = results.get(i);
            assertThat(r.sendMicros()).isEqualTo((5_000 * MS + i * 3 * MS) / 1000);
            assertThat(r.received()).isEqualTo(i % 50 != 25);
            if (r.received()) {
                long expected = (arrivals[i] - arrivals[0]) / 1000;
                assertThat(r.arrivalMicros() - first.arrivalMicros()).isCloseTo(expected, org.assertj.core.data.Offset.offset(250L));
            }
        }
    }
}
