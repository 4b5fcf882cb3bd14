package dev.hongyan.media.srtp;

import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AEAD_AES_128_GCM and AEAD_AES_256_GCM (RFC 7714). The header is associated data, the payload is
 * encrypted and a 16-byte tag follows it. For SRTCP the E/index word goes after the tag and is
 * authenticated as associated data too (§9.3).
 */
final class AesGcmTransform implements SrtpTransform {
    private static final int TAG = 16;
    private static final int IV = 12;

    private final Cipher rtpGcm;
    private final Cipher rtcpGcm;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final byte[] iv = new byte[IV];
    private final byte[] word = new byte[4];

    AesGcmTransform(SessionKeys keys) {
        this.rtpKey = new SecretKeySpec(keys.rtpKey(), "AES");
        this.rtcpKey = new SecretKeySpec(keys.rtcpKey(), "AES");
        this.rtpSalt = keys.rtpSalt();
        this.rtcpSalt = keys.rtcpSalt();
        try {
            rtpGcm = Cipher.getInstance("AES/GCM/NoPadding");
            rtcpGcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM unavailable", e);
        }
    }

    @Override
    public int rtpTagLength() {
        return TAG;
    }

    @Override
    public int rtcpTrailerLength() {
        return TAG + SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int rtcpIndexFromEnd() {
        return SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            initEncrypt(rtpGcm, rtpKey);
            rtpGcm.updateAAD(buf, off, headerLength);
            return headerLength + rtpGcm.doFinal(buf, off + headerLength, len - headerLength, buf, off + headerLength);
        } catch (GeneralSecurityException e) {
            return SrtpError.CIPHER_FAILURE.code();
        }
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        rtpIv(ssrc, index);
        try {
            rtpGcm.init(Cipher.DECRYPT_MODE, rtpKey, new GCMParameterSpec(TAG * 8, iv));
            rtpGcm.updateAAD(buf, off, headerLength);
            return headerLength + rtpGcm.doFinal(buf, off + headerLength, len - headerLength, buf, off + headerLength);
        } catch (AEADBadTagException e) {
            return SrtpError.AUTH_FAILED.code();
        } catch (GeneralSecurityException e) {
            return SrtpError.CIPHER_FAILURE.code();
        }
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        rtcpIv(ssrc, index);
        int eIndex = 0x80000000 | index;
        AesCmHmacTransform.putInt(word, 0, eIndex);
        try {
            initEncrypt(rtcpGcm, rtcpKey);
            rtcpGcm.updateAAD(buf, off, 8);
            rtcpGcm.updateAAD(word, 0, 4);
            int sealed = rtcpGcm.doFinal(buf, off + 8, len - 8, buf, off + 8);
            AesCmHmacTransform.putInt(buf, off + 8 + sealed, eIndex);
            return 8 + sealed + SrtpProfile.SRTCP_INDEX_LENGTH;
        } catch (GeneralSecurityException e) {
            return SrtpError.CIPHER_FAILURE.code();
        }
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        rtcpIv(ssrc, index);
        int sealedEnd = len - SrtpProfile.SRTCP_INDEX_LENGTH;
        System.arraycopy(buf, off + sealedEnd, word, 0, 4);
        try {
            rtcpGcm.init(Cipher.DECRYPT_MODE, rtcpKey, new GCMParameterSpec(TAG * 8, iv));
            if (encrypted) {
                rtcpGcm.updateAAD(buf, off, 8);
                rtcpGcm.updateAAD(word, 0, 4);
                return 8 + rtcpGcm.doFinal(buf, off + 8, sealedEnd - 8, buf, off + 8);
            }
            // E=0 (§9.3): the whole compound packet is associated data and only the tag is "decrypted".
            int plain = sealedEnd - TAG;
            rtcpGcm.updateAAD(buf, off, plain);
            rtcpGcm.updateAAD(word, 0, 4);
            rtcpGcm.doFinal(buf, off + plain, TAG, buf, off + plain);
            return plain;
        } catch (AEADBadTagException e) {
            return SrtpError.AUTH_FAILED.code();
        } catch (GeneralSecurityException e) {
            return SrtpError.CIPHER_FAILURE.code();
        }
    }

    /**
     * The JDK refuses to encrypt twice in a row under the same key and IV. For SRTP that happens
     * legitimately when a packet is retransmitted with its original sequence number right after it
     * was sent: same index, same plaintext, so the same ciphertext, which reveals nothing. We step
     * past the guard by initialising once with a different IV and retrying.
     */
    private void initEncrypt(Cipher gcm, SecretKeySpec key) throws GeneralSecurityException {
        try {
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
        } catch (InvalidAlgorithmParameterException reuse) {
            byte[] decoy = iv.clone();
            decoy[0] ^= 1;
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, decoy));
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, iv));
        }
    }

    /** RFC 7714 §8.1: (00 00 || SSRC || ROC || SEQ) XOR salt, and ROC || SEQ is the 48-bit index. */
    private void rtpIv(int ssrc, long index) {
        System.arraycopy(rtpSalt, 0, iv, 0, IV);
        iv[2] ^= (byte) (ssrc >>> 24);
        iv[3] ^= (byte) (ssrc >>> 16);
        iv[4] ^= (byte) (ssrc >>> 8);
        iv[5] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[11 - i] ^= (byte) (index >>> (8 * i));
        }
    }

    /** RFC 7714 §9.1: (00 00 || SSRC || 00 00 || 0 || SRTCP index) XOR salt. */
    private void rtcpIv(int ssrc, int index) {
        System.arraycopy(rtcpSalt, 0, iv, 0, IV);
        iv[2] ^= (byte) (ssrc >>> 24);
        iv[3] ^= (byte) (ssrc >>> 16);
        iv[4] ^= (byte) (ssrc >>> 8);
        iv[5] ^= (byte) ssrc;
        iv[8] ^= (byte) (index >>> 24);
        iv[9] ^= (byte) (index >>> 16);
        iv[10] ^= (byte) (index >>> 8);
        iv[11] ^= (byte) index;
    }
}
