package dev.hongyan.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.2 and the reference packet of libsrtp's test driver (srtp_validate). */
class AesCmVectorsTest {
    private static final SrtpMasterKey LIBSRTP_MASTER = new SrtpMasterKey(
            Hex.of("E1F97A0D3E018BE0D64FA32C06DE4139"), Hex.of("0EC675AD498AFEEBB6960B3AABE6"));

    /**
     * B.2 gives the session key and salt directly, with SSRC 0 and index 0, so the IV is the salt
     * shifted by 16 bits and an all-zero payload encrypts to the keystream itself. The payload spans
     * the whole 65282-block segment so the last three blocks of the table are checked too.
     */
    @Test
    void keystreamMatchesAppendixB2() {
        byte[] key = Hex.of("2B7E151628AED2A6ABF7158809CF4F3C");
        byte[] salt = Hex.of("F0F1F2F3F4F5F6F7F8F9FAFBFCFD");
        SessionKeys keys = new SessionKeys(key, salt, new byte[20], key, salt, new byte[20]);
        SrtpContext ctx = new SrtpContext(SrtpProfile.AES_CM_128_HMAC_SHA1_80, keys, 64);
        int payload = 1044512;
        byte[] packet = new byte[12 + payload + 10];
        packet[0] = (byte) 0x80;

        assertThat(ctx.protectRtp(packet, 0, 12 + payload)).isEqualTo(12 + payload + 10);

        assertThat(Hex.of(packet, 12, 48)).isEqualToIgnoringCase("""
                E03EAD0935C95E80E166B16DD92B4EB4\
                D23513162B02D0F72A43A2FE4A5F97AB\
                41E95B3BB0A2E8DD477901E4FCA894C0""");
        assertThat(Hex.of(packet, 12 + payload - 48, 48)).isEqualToIgnoringCase("""
                EC8CDF7398607CB0F2D21675EA9EA1E4\
                362B7C3C6773516318A077D7FC5073AE\
                6A2CC3787889374FBEB4C81B17BA6C44""");
    }

    @Test
    void protectsTheLibsrtpReferencePacket() {
        SrtpContext sender = SrtpContext.create(SrtpProfile.AES_CM_128_HMAC_SHA1_80, LIBSRTP_MASTER);
        byte[] buf = Arrays.copyOf(Hex.of("800f1234decafbadcafebabe abababababababababababababababab"), 64);

        int len = sender.protectRtp(buf, 0, 28);

        assertThat(Hex.of(buf, 0, len)).isEqualTo(
                "800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");
    }

    @Test
    void unprotectsTheLibsrtpReferencePacket() {
        SrtpContext receiver = SrtpContext.create(SrtpProfile.AES_CM_128_HMAC_SHA1_80, LIBSRTP_MASTER);
        byte[] buf = Hex.of("800f1234decafbadcafebabe4e55dc4ce79978d88ca4d215949d2402b78d6acc99ea179b8dbb");

        int len = receiver.unprotectRtp(buf, 0, buf.length);

        assertThat(Hex.of(buf, 0, len)).isEqualTo("800f1234decafbadcafebabeabababababababababababababababab");
    }

    /** libsrtp starts SRTCP at index 1 where RFC 3711 says 0; the vector carries index 1 and E set. */
    @Test
    void protectsAndUnprotectsTheLibsrtpReferenceRtcpPacket() {
        SrtpContext sender = SrtpContext.create(SrtpProfile.AES_CM_128_HMAC_SHA1_80, LIBSRTP_MASTER);
        sender.setNextRtcpIndex(0xcafebabe, 1);
        byte[] buf = Arrays.copyOf(Hex.of("81c8000bcafebabeabababababababababababababababab"), 64);

        int len = sender.protectRtcp(buf, 0, 24);

        String expected = "81c8000bcafebabe7128035be487b9bdbef89041f977a5a880000001993e08cd54d6c1230798";
        assertThat(Hex.of(buf, 0, len)).isEqualTo(expected);

        SrtpContext receiver = SrtpContext.create(SrtpProfile.AES_CM_128_HMAC_SHA1_80, LIBSRTP_MASTER);
        int plain = receiver.unprotectRtcp(buf, 0, len);
        assertThat(Hex.of(buf, 0, plain)).isEqualTo("81c8000bcafebabeabababababababababababababababab");
    }
}
