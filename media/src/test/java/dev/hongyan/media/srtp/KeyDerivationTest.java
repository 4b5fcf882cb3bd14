package dev.hongyan.media.srtp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 3711 Appendix B.3. */
class KeyDerivationTest {
    private static final byte[] MASTER_KEY = Hex.of("E1F97A0D3E018BE0D64FA32C06DE4139");
    private static final byte[] MASTER_SALT = Hex.of("0EC675AD498AFEEBB6960B3AABE6");

    private final KeyDerivation kdf = new KeyDerivation(MASTER_KEY, MASTER_SALT);

    @Test
    void derivesTheCipherKey() {
        assertThat(kdf.derive(KeyDerivation.LABEL_RTP_ENCRYPTION, 16))
                .isEqualTo(Hex.of("C61E7A93744F39EE10734AFE3FF7A087"));
    }

    @Test
    void derivesTheCipherSalt() {
        assertThat(kdf.derive(KeyDerivation.LABEL_RTP_SALT, 14))
                .isEqualTo(Hex.of("30CBBC08863D8C85D49DB34A9AE1"));
    }

    @Test
    void derivesTheWhole94ByteAuthKeyOfTheExample() {
        assertThat(kdf.derive(KeyDerivation.LABEL_RTP_AUTH, 94)).isEqualTo(Hex.of("""
                CEBE321F6FF7716B6FD4AB49AF256A15
                6D38BAA48F0A0ACF3C34E2359E6CDBCE
                E049646C43D9327AD175578EF7227098
                6371C10C9A369AC2F94A8C5FBCDDDC25
                6D6E919A48B610EF17C2041E47403576
                6B68642C59BBFC2F34DB60DBDFB2"""));
    }

    @Test
    void sessionKeysUseTheFirst20BytesForHmacSha1() {
        SessionKeys keys = SessionKeys.derive(SrtpProfile.AES_CM_128_HMAC_SHA1_80,
                new SrtpMasterKey(MASTER_KEY, MASTER_SALT));
        assertThat(keys.rtpAuthKey()).isEqualTo(Hex.of("CEBE321F6FF7716B6FD4AB49AF256A156D38BAA4"));
        assertThat(keys.rtcpKey()).hasSize(16).isNotEqualTo(keys.rtpKey());
    }

    /**
     * A 12-byte AEAD salt is placed left-aligned in the 14-byte PRF input, as libsrtp does; this
     * value was cross-checked by another implementation against webrtc-rs/libsrtp behaviour.
     */
    @Test
    void aeadSaltIsLeftAlignedLikeLibsrtp() {
        byte[] key = Hex.of("000102030405060708090a0b0c0d0e0f");
        byte[] salt = Hex.of("404142434445464748494a4b");
        SessionKeys keys = SessionKeys.derive(SrtpProfile.AEAD_AES_128_GCM, new SrtpMasterKey(key, salt));
        assertThat(keys.rtpSalt()).isEqualTo(Hex.of("1fcd5d561e66dc49ec1c3ccb"));
        assertThat(keys.rtpAuthKey()).isEmpty();
    }
}
