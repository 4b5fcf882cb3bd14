package dev.hongyan.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class SrtpSessionTest {
    private static final int SSRC = 0x11223344;

    /** Exporter output with distinct bytes so a swapped key or salt cannot go unnoticed. */
    private static byte[] exported(SrtpProfile profile) {
        byte[] out = new byte[profile.exporterLength()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (byte) (i * 7 + 3);
        }
        return out;
    }

    /** The DTLS client and server of one association; each one's outbound is the other's inbound. */
    private static SrtpSession[] pair(SrtpProfile profile, int window) {
        byte[] material = exported(profile);
        return new SrtpSession[] {
            SrtpSession.fromDtls(profile, material, true, window),
            SrtpSession.fromDtls(profile, material, false, window)
        };
    }

    private static byte[] rtp(int seq, int payloadLength) {
        byte[] buf = new byte[12 + payloadLength + 32];
        buf[0] = (byte) 0x80;
        buf[1] = 96;
        buf[2] = (byte) (seq >>> 8);
        buf[3] = (byte) seq;
        buf[7] = (byte) 160;
        AesCmHmacTransform.putInt(buf, 8, SSRC);
        for (int i = 0; i < payloadLength; i++) {
            buf[12 + i] = (byte) (i + seq);
        }
        return buf;
    }

    private static byte[] rtcp() {
        // An RR with one report block (RFC 3550 §6.4.2).
        byte[] buf = new byte[32 + 40];
        buf[0] = (byte) 0x81;
        buf[1] = (byte) 201;
        buf[3] = 7;
        AesCmHmacTransform.putInt(buf, 4, SSRC);
        for (int i = 8; i < 32; i++) {
            buf[i] = (byte) i;
        }
        return buf;
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtpRoundTripsThroughEveryProfile(SrtpProfile profile) {
        SrtpSession[] s = pair(profile, 128);
        byte[] buf = rtp(1000, 100);
        byte[] plain = Arrays.copyOf(buf, 112);

        int len = s[0].protectRtp(buf, 0, 112);
        assertThat(len).isEqualTo(112 + profile.rtpAuthTagLength());
        assertThat(Arrays.copyOfRange(buf, 12, 112)).isNotEqualTo(Arrays.copyOfRange(plain, 12, 112));

        assertThat(s[1].unprotectRtp(buf, 0, len)).isEqualTo(112);
        assertThat(Arrays.copyOf(buf, 112)).isEqualTo(plain);
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void packetsLargerThanAnyScratchBufferRoundTrip(SrtpProfile profile) {
        SrtpSession[] s = pair(profile, 128);
        int seq = 500;
        for (int payload : new int[] {1, 15, 16, 17, 1188, 4000, 9000}) { // up to a jumbo datagram
            byte[] buf = rtp(seq++, payload);
            int plainLength = 12 + payload;
            byte[] plain = Arrays.copyOf(buf, plainLength);
            int len = s[0].protectRtp(buf, 0, plainLength);
            assertThat(len).as("payload %d", payload).isEqualTo(plainLength + profile.rtpAuthTagLength());
            assertThat(s[1].unprotectRtp(buf, 0, len)).as("payload %d", payload).isEqualTo(plainLength);
            assertThat(Arrays.copyOf(buf, plainLength)).isEqualTo(plain);
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void interleavedOutboundSsrcsKeepTheirOwnIndexAndARemovedOneStartsAfresh(SrtpProfile profile) {
        SrtpMasterKey key = new SrtpMasterKey(new byte[profile.keyLength()], new byte[profile.saltLength()]);
        SrtpContext sender = SrtpContext.create(profile, key);
        SrtpContext receiver = SrtpContext.create(profile, key);
        int other = SSRC + 1;
        // SSRC crosses 65535 -> 0 (ROC 1) while `other` stays at ROC 0, packets alternating between them.
        for (int n = 0; n < 6; n++) {
            int seq = (65533 + n) & 0xFFFF;
            byte[] a = rtp(seq, 32);
            byte[] b = rtp(seq, 32);
            AesCmHmacTransform.putInt(b, 8, other);
            b[2] = 0;
            b[3] = (byte) n;
            int la = sender.protectRtp(a, 0, 44);
            int lb = sender.protectRtp(b, 0, 44);
            assertThat(receiver.unprotectRtp(a, 0, la)).isEqualTo(44);
            assertThat(receiver.unprotectRtp(b, 0, lb)).isEqualTo(44);
        }
        assertThat(sender.rolloverCounter(SSRC, true)).isEqualTo(1);
        assertThat(sender.rolloverCounter(other, true)).isZero();

        sender.removeSsrc(SSRC); // the stream protected last: its cached state must go too
        byte[] again = rtp(65533, 32);
        int len = sender.protectRtp(again, 0, 44);
        assertThat(sender.rolloverCounter(SSRC, true)).isZero();
        SrtpContext fresh = SrtpContext.create(profile, key);
        assertThat(fresh.unprotectRtp(again, 0, len)).isEqualTo(44); // index 65533 with ROC 0, as a new stream
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rtcpRoundTripsWithEBitAndIndex(SrtpProfile profile) {
        SrtpSession[] s = pair(profile, 128);
        for (int i = 0; i < 3; i++) {
            byte[] buf = rtcp();
            byte[] plain = Arrays.copyOf(buf, 32);
            int len = s[0].protectRtcp(buf, 0, 32);
            assertThat(len).isEqualTo(32 + profile.rtcpOverhead());
            int indexAt = profile.isAead() ? len - 4 : len - 4 - profile.rtcpAuthTagLength();
            assertThat(Hex.of(buf, indexAt, 4)).isEqualTo(String.format("%08x", 0x80000000 | i));

            assertThat(s[1].unprotectRtcp(buf, 0, len)).isEqualTo(32);
            assertThat(Arrays.copyOf(buf, 32)).isEqualTo(plain);
        }
    }

    @Test
    void the32BitProfileShortensOnlyTheRtpTag() {
        SrtpSession[] s80 = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 128);
        SrtpSession[] s32 = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_32, 128);
        assertThat(s80[0].protectRtp(rtp(1, 20), 0, 32)).isEqualTo(42);
        assertThat(s32[0].protectRtp(rtp(1, 20), 0, 32)).isEqualTo(36);
        assertThat(s80[0].protectRtcp(rtcp(), 0, 32)).isEqualTo(46);
        assertThat(s32[0].protectRtcp(rtcp(), 0, 32)).isEqualTo(46);

        // Same keys, same ciphertext: the 32-bit tag is the 80-bit tag truncated.
        byte[] a = rtp(7, 20);
        byte[] b = rtp(7, 20);
        SrtpMasterKey key = new SrtpMasterKey(new byte[16], new byte[14]);
        SrtpContext.create(SrtpProfile.AES_CM_128_HMAC_SHA1_80, key).protectRtp(a, 0, 32);
        SrtpContext.create(SrtpProfile.AES_CM_128_HMAC_SHA1_32, key).protectRtp(b, 0, 32);
        assertThat(Arrays.copyOf(b, 36)).isEqualTo(Arrays.copyOf(a, 36));
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void tamperedPacketsAreRejected(SrtpProfile profile) {
        SrtpSession[] s = pair(profile, 128);
        byte[] payload = rtp(5, 40);
        int len = s[0].protectRtp(payload, 0, 52);
        byte[] tag = payload.clone();
        byte[] header = payload.clone();
        payload[20] ^= 0x01;
        tag[len - 1] ^= (byte) 0x80;
        header[1] ^= 0x01;

        assertThat(s[1].unprotectRtp(payload, 0, len)).isEqualTo(SrtpError.AUTH_FAILED.code());
        assertThat(s[1].unprotectRtp(tag, 0, len)).isEqualTo(SrtpError.AUTH_FAILED.code());
        assertThat(s[1].unprotectRtp(header, 0, len)).isEqualTo(SrtpError.AUTH_FAILED.code());

        byte[] c = rtcp();
        int clen = s[0].protectRtcp(c, 0, 32);
        c[12] ^= 0x01;
        assertThat(s[1].unprotectRtcp(c, 0, clen)).isEqualTo(SrtpError.AUTH_FAILED.code());
    }

    @Test
    void aForgedFirstPacketLeavesNoStateBehind() {
        SrtpSession[] s = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 128);
        byte[] forged = rtp(60000, 40);
        int len = s[0].protectRtp(forged.clone(), 0, 52);
        forged[len - 1] = 1;
        assertThat(s[1].unprotectRtp(forged, 0, len)).isEqualTo(SrtpError.AUTH_FAILED.code());

        // Had the forgery set s_l to 60000, seq 10 would be guessed as ROC 1 and fail.
        SrtpSession[] t = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 128);
        byte[] real = rtp(10, 40);
        int rlen = t[0].protectRtp(real, 0, 52);
        assertThat(s[1].unprotectRtp(real, 0, rlen)).isEqualTo(52);
    }

    @Test
    void inboundSsrcStateIsCappedAndFreedByRemoval() {
        SrtpSession[] s = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 128);
        int max = SrtpContext.MAX_INBOUND_SSRCS;
        for (int i = 0; i <= max; i++) {
            byte[] buf = rtp(1, 40);
            AesCmHmacTransform.putInt(buf, 8, 1000 + i);
            int len = s[0].protectRtp(buf, 0, 52);
            byte[] rtcp = rtcp();
            AesCmHmacTransform.putInt(rtcp, 4, 1000 + i);
            int rlen = s[0].protectRtcp(rtcp, 0, 32);
            if (i < max) {
                assertThat(s[1].unprotectRtp(buf, 0, len)).isEqualTo(52);
                assertThat(s[1].unprotectRtcp(rtcp, 0, rlen)).isEqualTo(32);
            } else {
                assertThat(s[1].unprotectRtp(buf.clone(), 0, len)).isEqualTo(SrtpError.TOO_MANY_SSRCS.code());
                assertThat(s[1].unprotectRtcp(rtcp.clone(), 0, rlen)).isEqualTo(SrtpError.TOO_MANY_SSRCS.code());
                assertThat(SrtpError.fromCode(SrtpError.TOO_MANY_SSRCS.code())).isEqualTo(SrtpError.TOO_MANY_SSRCS);
                // Known SSRCs keep working; removing one makes room for the new one.
                byte[] known = rtp(2, 40);
                AesCmHmacTransform.putInt(known, 8, 1000);
                int klen = s[0].protectRtp(known, 0, 52);
                assertThat(s[1].unprotectRtp(known, 0, klen)).isEqualTo(52);
                s[1].removeInboundSsrc(1001);
                assertThat(s[1].unprotectRtp(buf, 0, len)).isEqualTo(52);
                assertThat(s[1].unprotectRtcp(rtcp, 0, rlen)).isEqualTo(32);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void replayedPacketsAreRejected(SrtpProfile profile) {
        SrtpSession[] s = pair(profile, 128);
        byte[] buf = rtp(42, 30);
        int len = s[0].protectRtp(buf, 0, 42);
        byte[] copy = buf.clone();
        assertThat(s[1].unprotectRtp(buf, 0, len)).isEqualTo(42);
        assertThat(s[1].unprotectRtp(copy, 0, len)).isEqualTo(SrtpError.REPLAYED.code());

        byte[] c = rtcp();
        int clen = s[0].protectRtcp(c, 0, 32);
        byte[] ccopy = c.clone();
        assertThat(s[1].unprotectRtcp(c, 0, clen)).isEqualTo(32);
        assertThat(s[1].unprotectRtcp(ccopy, 0, clen)).isEqualTo(SrtpError.REPLAYED.code());
    }

    @Test
    void reorderedPacketsInsideTheWindowAreAcceptedAndOlderOnesAreNot() {
        SrtpSession[] s = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 64);
        byte[][] wire = new byte[200][];
        int[] lens = new int[200];
        for (int seq = 0; seq < 200; seq++) {
            wire[seq] = rtp(seq, 10);
            lens[seq] = s[0].protectRtp(wire[seq], 0, 22);
        }
        assertThat(s[1].unprotectRtp(wire[150], 0, lens[150])).isEqualTo(22);
        assertThat(s[1].unprotectRtp(wire[199], 0, lens[199])).isEqualTo(22);
        assertThat(s[1].unprotectRtp(wire[150], 0, lens[150])).isEqualTo(SrtpError.REPLAYED.code());
        assertThat(s[1].unprotectRtp(wire[140], 0, lens[140])).isEqualTo(22);
        assertThat(s[1].unprotectRtp(wire[100], 0, lens[100])).isEqualTo(SrtpError.REPLAYED.code());
    }

    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void rolloverCounterAdvancesAcross65535To0(SrtpProfile profile) {
        SrtpMasterKey key = new SrtpMasterKey(new byte[profile.keyLength()], new byte[profile.saltLength()]);
        SrtpContext sender = SrtpContext.create(profile, key);
        SrtpContext receiver = SrtpContext.create(profile, key);
        int[] order = {65530, 65531, 65533, 65534, 65535, 0, 1, 65532, 3, 2, 4};
        byte[][] wire = new byte[order.length][];
        int[] lens = new int[order.length];
        for (int seq = 65530, n = 0; n < 11; seq = (seq + 1) & 0xFFFF, n++) {
            int i = indexOf(order, seq);
            wire[i] = rtp(seq, 16);
            lens[i] = sender.protectRtp(wire[i], 0, 28);
        }
        assertThat(sender.rolloverCounter(SSRC, true)).isEqualTo(1);

        for (int i = 0; i < order.length; i++) {
            assertThat(receiver.unprotectRtp(wire[i], 0, lens[i])).as("seq %d", order[i]).isEqualTo(28);
            assertThat(wire[i][12]).isEqualTo((byte) order[i]);
        }
        assertThat(receiver.rolloverCounter(SSRC, false)).isEqualTo(1);
    }

    /**
     * A plain (non-RTX) retransmission: the sender protects again a sequence number behind the highest it
     * sent, here from before a rollover, and the receiver, which lost the first copy, accepts it.
     */
    @ParameterizedTest
    @EnumSource(SrtpProfile.class)
    void anOlderIndexProtectedAgainReachesAReceiverThatLostIt(SrtpProfile profile) {
        SrtpMasterKey key = new SrtpMasterKey(new byte[profile.keyLength()], new byte[profile.saltLength()]);
        SrtpContext sender = SrtpContext.create(profile, key);
        SrtpContext receiver = SrtpContext.create(profile, key);
        int[] seqs = {65533, 65534, 65535, 0, 1, 2};
        byte[][] wire = new byte[seqs.length][];
        int[] lens = new int[seqs.length];
        for (int i = 0; i < seqs.length; i++) {
            wire[i] = rtp(seqs[i], 16);
            lens[i] = sender.protectRtp(wire[i], 0, 28);
        }
        for (int i = 0; i < seqs.length; i++) {
            if (seqs[i] != 65534) { // lost on the way
                assertThat(receiver.unprotectRtp(wire[i].clone(), 0, lens[i])).isEqualTo(28);
            }
        }
        assertThat(receiver.rolloverCounter(SSRC, false)).isEqualTo(1);
        byte[] again = rtp(65534, 16);
        int len = sender.protectRtp(again, 0, 28);
        assertThat(sender.rolloverCounter(SSRC, true)).as("the sender's ROC is not moved back").isEqualTo(1);
        assertThat(Arrays.copyOf(again, len)).as("same packet, same index: the same SRTP packet")
                .isEqualTo(Arrays.copyOf(wire[1], lens[1]));
        byte[] decrypted = again.clone();
        assertThat(receiver.unprotectRtp(decrypted, 0, len)).isEqualTo(28);
        assertThat(decrypted[12]).isEqualTo((byte) 0xFE);
        assertThat(receiver.unprotectRtp(again, 0, len)).as("twice is a replay").isEqualTo(SrtpError.REPLAYED.code());
        // And the stream goes on at ROC 1.
        byte[] next = rtp(3, 16);
        assertThat(receiver.unprotectRtp(next, 0, sender.protectRtp(next, 0, 28))).isEqualTo(28);
    }

    private static int indexOf(int[] values, int v) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == v) {
                return i;
            }
        }
        throw new IllegalArgumentException();
    }

    @Test
    void rtpWithCsrcsAndHeaderExtensionKeepsTheHeaderInClear() {
        SrtpSession[] s = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 128);
        byte[] buf = new byte[100];
        byte[] header = Hex.of("92 60 0001 00000000 11223344 aaaaaaaa bbbbbbbb bede0001 10ff0000");
        System.arraycopy(header, 0, buf, 0, header.length);
        int len = s[0].protectRtp(buf, 0, header.length + 20);
        assertThat(Arrays.copyOf(buf, header.length)).isEqualTo(header);
        assertThat(s[1].unprotectRtp(buf, 0, len)).isEqualTo(header.length + 20);
    }

    @Test
    void malformedInputIsRefusedWithoutExceptions() {
        SrtpSession[] s = pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 128);
        assertThat(s[1].unprotectRtp(new byte[15], 0, 15)).isEqualTo(SrtpError.MALFORMED.code());
        assertThat(s[1].unprotectRtp(new byte[40], 0, 40)).isEqualTo(SrtpError.MALFORMED.code()); // version 0
        assertThat(s[1].unprotectRtp(new byte[40], 30, 20)).isEqualTo(SrtpError.MALFORMED.code()); // out of bounds
        byte[] badExtension = rtp(1, 20);
        badExtension[0] = (byte) 0x90;
        badExtension[14] = (byte) 0xff;
        badExtension[15] = (byte) 0xff;
        assertThat(s[1].unprotectRtp(badExtension, 0, 42)).isEqualTo(SrtpError.MALFORMED.code());
        assertThat(s[0].protectRtp(rtp(1, 20), 0, 32 + 31)).isEqualTo(SrtpError.BUFFER_TOO_SMALL.code());
        assertThat(s[1].unprotectRtcp(new byte[20], 0, 20)).isEqualTo(SrtpError.MALFORMED.code());
        assertThat(SrtpError.fromCode(SrtpError.REPLAYED.code())).isEqualTo(SrtpError.REPLAYED);
        assertThat(SrtpError.fromCode(5)).isNull();
    }

    @Test
    void exporterOutputIsSplitPerProfileAndRole() {
        byte[] material = exported(SrtpProfile.AEAD_AES_256_GCM);
        assertThat(material).hasSize(88);
        SrtpKeyingMaterial keys = SrtpKeyingMaterial.split(SrtpProfile.AEAD_AES_256_GCM, material);
        assertThat(keys.client().key()).isEqualTo(Arrays.copyOfRange(material, 0, 32));
        assertThat(keys.server().key()).isEqualTo(Arrays.copyOfRange(material, 32, 64));
        assertThat(keys.client().salt()).isEqualTo(Arrays.copyOfRange(material, 64, 76));
        assertThat(keys.server().salt()).isEqualTo(Arrays.copyOfRange(material, 76, 88));
        assertThat(keys.local(true)).isEqualTo(keys.client());
        assertThat(keys.remote(true)).isEqualTo(keys.server());

        assertThat(SrtpProfile.AES_CM_128_HMAC_SHA1_80.exporterLength()).isEqualTo(60);
        assertThat(SrtpProfile.AEAD_AES_128_GCM.exporterLength()).isEqualTo(56);
        assertThatThrownBy(() -> SrtpKeyingMaterial.split(SrtpProfile.AEAD_AES_128_GCM, new byte[60]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(SrtpProfile.fromDtlsId(0x0007)).isEqualTo(SrtpProfile.AEAD_AES_128_GCM);
        assertThat(SrtpProfile.fromDtlsId(0x0005)).isNull();
    }

    @Test
    void replayWindowBelow64IsRefused() {
        assertThatThrownBy(() -> pair(SrtpProfile.AES_CM_128_HMAC_SHA1_80, 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
