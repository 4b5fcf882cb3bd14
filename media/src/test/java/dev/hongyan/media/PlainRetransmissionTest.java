package dev.hongyan.media;

import static dev.hongyan.media.EngineHarness.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.media.dtls.DtlsConfig;
import dev.hongyan.media.dtls.DtlsContext;
import dev.hongyan.media.dtls.DtlsRole;
import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtcpFeedback;
import dev.hongyan.media.ortc.RtpCapabilities;
import dev.hongyan.media.rtcp.GenericNack;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtp.RtpPacket;
import dev.hongyan.media.srtp.SrtpProfile;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A consumer that did not negotiate RTX gets a NACKed packet again on its media SSRC with its own sequence
 * number, so with the same SRTP index: the receiver, having never got the first copy, must accept and
 * decrypt it (RFC 3711 §3.3.2), and the copy must be the very same SRTP packet, since a different packet
 * under the same index would reuse the AES-GCM nonce or the AES-CM keystream.
 */
class PlainRetransmissionTest {
    private static final int SSRC = 1111;

    /** Loses the third packet of the consumer's stream before SRTP sees it, and keeps what arrives. */
    static final class LossyReceiver implements LoopbackPeer.Handler {
        final List<byte[]> decrypted = new CopyOnWriteArrayList<>();
        final Map<Integer, List<byte[]>> protectedBySeq = new ConcurrentHashMap<>();
        volatile int lostSeq = -1;
        private int seen;

        @Override
        public boolean acceptSrtp(byte[] buf, int len) {
            int seq = ((buf[2] & 0xFF) << 8) | (buf[3] & 0xFF);
            byte[] copy = Arrays.copyOf(buf, len);
            protectedBySeq.computeIfAbsent(seq, k -> new CopyOnWriteArrayList<>()).add(copy);
            if (++seen == 3) {
                lostSeq = seq;
                return false;
            }
            return true;
        }

        @Override
        public void onRtp(byte[] buf, int len, long arrivalNanos) {
            decrypted.add(Arrays.copyOf(buf, len));
        }

        boolean got(int seq) {
            return decrypted.stream().anyMatch(b -> RtpPacket.parse(b, 0, b.length).sequenceNumber() == seq);
        }
    }

    @ParameterizedTest
    @EnumSource(value = SrtpProfile.class, names = {"AEAD_AES_128_GCM", "AES_CM_128_HMAC_SHA1_80"})
    void aLostPacketIsResentOnTheMediaSsrcAndDecryptedByTheReceiver(SrtpProfile profile) throws Exception {
        try (EngineHarness h = new EngineHarness();
                DtlsContext receiverDtls = new DtlsContext(DtlsConfig.defaults().withSrtpProfiles(List.of(profile)))) {
            var send = h.connect(DtlsRole.SERVER, new Recorder());
            LossyReceiver down = new LossyReceiver();
            var recv = h.connect(DtlsRole.CLIENT, down, receiverDtls);
            Producer video = send.transport().produce(ProducerOptions.of(MediaKind.VIDEO,
                    MediaFixtures.vp8("0", SSRC, 1112))).get(5, TimeUnit.SECONDS);
            RtpCapabilities caps = h.router.rtpCapabilities();
            RtpCapabilities noRtx = new RtpCapabilities(caps.codecs().stream().filter(codec -> !codec.isRtx()).toList(),
                    caps.headerExtensions());
            Consumer c = recv.transport().consume(ConsumerOptions.of(video.id(), noRtx).withPaused(false))
                    .get(5, TimeUnit.SECONDS);
            assertThat(c.rtpParameters().encodings().get(0).rtx()).isNull();
            assertThat(c.rtpParameters().codecs().get(0).rtcpFeedback()).contains(RtcpFeedback.of("nack"));

            byte[][] sent = new byte[5][];
            for (int i = 0; i < 5; i++) {
                sent[i] = MediaFixtures.vp8Packet(SSRC, 700 + i, i * 3000, i == 0, 0, 300 + i, "0", null);
                send.peer().sendRtp(sent[i], sent[i].length);
            }
            await(() -> down.decrypted.size() == 4);
            int lost = down.lostSeq;
            assertThat(down.got(lost)).isFalse();

            int ssrc = c.rtpParameters().encodings().get(0).ssrc().intValue();
            byte[] nack = RtcpCompound.marshal(List.of(GenericNack.of(1, ssrc, lost)));
            recv.peer().sendRtcp(nack, nack.length);
            await(() -> down.got(lost));

            byte[] resent = down.decrypted.stream()
                    .filter(b -> RtpPacket.parse(b, 0, b.length).sequenceNumber() == lost).findFirst().orElseThrow();
            RtpPacket r = RtpPacket.parse(resent, 0, resent.length);
            RtpPacket original = RtpPacket.parse(sent[2], 0, sent[2].length);
            assertThat(r.ssrc()).as("the media SSRC, not an RTX one").isEqualTo(ssrc);
            assertThat(Arrays.copyOfRange(resent, r.payloadOffset(), r.payloadOffset() + r.payloadLength()))
                    .as("the third packet's payload")
                    .isEqualTo(Arrays.copyOfRange(sent[2], original.payloadOffset(),
                            original.payloadOffset() + original.payloadLength()));
            List<byte[]> wire = down.protectedBySeq.get(lost);
            assertThat(wire).hasSize(2);
            assertThat(wire.get(1).length - resent.length).as("the %s tag", profile)
                    .isEqualTo(profile.rtpAuthTagLength());
            assertThat(wire.get(1)).as("the resend is the very same SRTP packet as the one lost").isEqualTo(wire.get(0));
            assertThat(c.getStats().get(5, TimeUnit.SECONDS).get(0).packetsRetransmitted()).isEqualTo(1);
        }
    }
}
