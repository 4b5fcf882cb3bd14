package dev.hongyan.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * RFC 7714 §16 (SRTP) and §17 (SRTCP). The RFC gives session keys, not master keys, and uses the
 * same key and salt for RTP and RTCP: key 00 01 .. 0f (or .. 1f for 256), salt "Quid pro quo".
 */
class AesGcmVectorsTest {
    private static final byte[] KEY_128 = Hex.of("000102030405060708090a0b0c0d0e0f");
    private static final byte[] KEY_256 = Hex.of("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    private static final byte[] SALT = Hex.of("517569642070726f2071756f");

    private static final String RTP = """
            8040f17b 8041f8d3 5501a0b2 47616c6c
            69612065 7374206f 6d6e6973 20646976
            69736120 696e2070 61727465 73207472
            6573""";
    private static final String SRTP_128 = """
            8040f17b 8041f8d3 5501a0b2 f24de3a3
            fb34de6c acba861c 9d7e4bca be633bd5
            0d294e6f 42a5f47a 51c7d19b 36de3adf
            8833899d 7f27beb1 6a9152cf 765ee439
            0cce""";
    private static final String SRTP_256 = """
            8040f17b 8041f8d3 5501a0b2 32b1de78
            a822fe12 ef9f78fa 332e33aa b1801238
            9a58e2f3 b50b2a02 76ffae0f 1ba63799
            b87b7aa3 db36dfff d6b0f9bb 7878d7a7
            6c13""";
    private static final String RTCP = """
            81c8000d 4d617273 4e545031 4e545032
            52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef
            deadbeef""";
    private static final String SRTCP_128 = """
            81c8000d 4d617273 63e94885 dcdab67c
            a727d766 2f6b7e99 7ff5c0f7 6c06f32d
            c676a5f1 730d6fda 4ce09b46 86303ded
            0bb9275b c84aa458 96cf4d2f c5abf872
            45d9eade 800005d4""";
    private static final String SRTCP_256 = """
            81c8000d 4d617273 d50ae4d1 f5ce5d30
            4ba297e4 7d470c28 2c3ece5d bffe0a50
            a2eaa5c1 110555be 8415f658 c61de047
            6f1b6fad 1d1eb30c 4446839f 57ff6f6c
            b26ac3be 800005d4""";
    /** §17.1 authentication only: E = 0, the packet in clear followed by the tag and index. */
    private static final String SRTCP_128_AUTH_ONLY = """
            81c8000d 4d617273 4e545031 4e545032
            52545020 0000042a 0000e930 4c756e61
            deadbeef deadbeef deadbeef deadbeef
            deadbeef 841dd968 3dd78ec9 2ae58790
            125f62b3 000005d4""";
    private static final int RTCP_SSRC = 0x4d617273;

    private static SrtpContext context(SrtpProfile profile, byte[] key) {
        return new SrtpContext(profile, new SessionKeys(key, SALT, new byte[0], key, SALT, new byte[0]), 128);
    }

    private static String protectRtp(SrtpProfile profile, byte[] key) {
        byte[] buf = Arrays.copyOf(Hex.of(RTP), 128);
        int len = context(profile, key).protectRtp(buf, 0, Hex.of(RTP).length);
        return Hex.of(buf, 0, len);
    }

    private static String unprotect(SrtpProfile profile, byte[] key, String wire, boolean rtcp) {
        byte[] buf = Hex.of(wire);
        SrtpContext ctx = context(profile, key);
        int len = rtcp ? ctx.unprotectRtcp(buf, 0, buf.length) : ctx.unprotectRtp(buf, 0, buf.length);
        assertThat(len).isPositive();
        return Hex.of(buf, 0, len);
    }

    private static String protectRtcp(SrtpProfile profile, byte[] key) {
        byte[] buf = Arrays.copyOf(Hex.of(RTCP), 128);
        SrtpContext ctx = context(profile, key);
        ctx.setNextRtcpIndex(RTCP_SSRC, 0x5d4);
        int len = ctx.protectRtcp(buf, 0, Hex.of(RTCP).length);
        return Hex.of(buf, 0, len);
    }

    private static String compact(String vector) {
        return vector.replaceAll("\\s+", "");
    }

    @Test
    void section16_1_aes128GcmEncryption() {
        assertThat(protectRtp(SrtpProfile.AEAD_AES_128_GCM, KEY_128)).isEqualTo(compact(SRTP_128));
    }

    @Test
    void section16_1_aes128GcmDecryption() {
        assertThat(unprotect(SrtpProfile.AEAD_AES_128_GCM, KEY_128, SRTP_128, false)).isEqualTo(compact(RTP));
    }

    @Test
    void section16_2_aes256GcmEncryption() {
        assertThat(protectRtp(SrtpProfile.AEAD_AES_256_GCM, KEY_256)).isEqualTo(compact(SRTP_256));
    }

    @Test
    void section16_2_aes256GcmDecryption() {
        assertThat(unprotect(SrtpProfile.AEAD_AES_256_GCM, KEY_256, SRTP_256, false)).isEqualTo(compact(RTP));
    }

    @Test
    void section17_1_aes128GcmSrtcpEncryption() {
        assertThat(protectRtcp(SrtpProfile.AEAD_AES_128_GCM, KEY_128)).isEqualTo(compact(SRTCP_128));
    }

    @Test
    void section17_1_aes128GcmSrtcpDecryption() {
        assertThat(unprotect(SrtpProfile.AEAD_AES_128_GCM, KEY_128, SRTCP_128, true)).isEqualTo(compact(RTCP));
    }

    @Test
    void section17_1_aes128GcmSrtcpAuthenticationOnly() {
        assertThat(unprotect(SrtpProfile.AEAD_AES_128_GCM, KEY_128, SRTCP_128_AUTH_ONLY, true))
                .isEqualTo(compact(RTCP));
    }

    @Test
    void section17_2_aes256GcmSrtcpEncryption() {
        assertThat(protectRtcp(SrtpProfile.AEAD_AES_256_GCM, KEY_256)).isEqualTo(compact(SRTCP_256));
    }

    @Test
    void section17_2_aes256GcmSrtcpDecryption() {
        assertThat(unprotect(SrtpProfile.AEAD_AES_256_GCM, KEY_256, SRTCP_256, true)).isEqualTo(compact(RTCP));
    }

    @Test
    void flippedCiphertextBitFailsTheGcmTag() {
        byte[] buf = Hex.of(SRTP_128);
        buf[20] ^= 1;
        assertThat(context(SrtpProfile.AEAD_AES_128_GCM, KEY_128).unprotectRtp(buf, 0, buf.length))
                .isEqualTo(SrtpError.AUTH_FAILED.code());
    }

    @Test
    void retransmittingTheSamePacketTwiceInARowStillEncrypts() {
        SrtpContext ctx = context(SrtpProfile.AEAD_AES_128_GCM, KEY_128);
        byte[] first = Arrays.copyOf(Hex.of(RTP), 128);
        byte[] again = Arrays.copyOf(Hex.of(RTP), 128);
        int len = ctx.protectRtp(first, 0, Hex.of(RTP).length);
        assertThat(ctx.protectRtp(again, 0, Hex.of(RTP).length)).isEqualTo(len);
        assertThat(again).isEqualTo(first);
    }
}
