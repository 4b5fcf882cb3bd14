package dev.hongyan.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-CM pseudo-random function of RFC 3711 §4.3.3, with key_derivation_rate 0 (the only rate
 * DTLS-SRTP uses), so {@code index DIV kdr} is always zero and the keys never change.
 */
final class KeyDerivation {
    static final int LABEL_RTP_ENCRYPTION = 0x00;
    static final int LABEL_RTP_AUTH = 0x01;
    static final int LABEL_RTP_SALT = 0x02;
    static final int LABEL_RTCP_ENCRYPTION = 0x03;
    static final int LABEL_RTCP_AUTH = 0x04;
    static final int LABEL_RTCP_SALT = 0x05;
    static final int HMAC_SHA1_KEY_LENGTH = 20;

    private final byte[] masterKey;
    private final byte[] masterSalt;

    KeyDerivation(byte[] masterKey, byte[] masterSalt) {
        this.masterKey = masterKey;
        this.masterSalt = masterSalt;
    }

    /**
     * {@code length} bytes of AES-CM keystream under the master key, starting from
     * {@code (label || r) XOR master_salt} shifted left 16 bits. The label lands on byte 7 of the
     * 14-byte PRF input. The 12-byte AEAD salts sit left-aligned in that input, zero-padded: that
     * is what libsrtp (hence every browser) does, so we do it too.
     */
    byte[] derive(int label, int length) {
        byte[] out = new byte[length];
        if (length == 0) {
            return out;
        }
        byte[] block = new byte[16];
        System.arraycopy(masterSalt, 0, block, 0, Math.min(masterSalt.length, 14));
        block[7] ^= (byte) label;
        int blocks = (length + 15) / 16;
        byte[] input = new byte[blocks * 16];
        for (int i = 0; i < blocks; i++) {
            System.arraycopy(block, 0, input, i * 16, 14);
            input[i * 16 + 14] = (byte) (i >>> 8);
            input[i * 16 + 15] = (byte) i;
        }
        try {
            Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
            aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(masterKey, "AES"));
            byte[] stream = aes.doFinal(input);
            System.arraycopy(stream, 0, out, 0, length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES unavailable for SRTP key derivation", e);
        }
    }
}
