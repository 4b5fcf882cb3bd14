package dev.hongyan.media.srtp;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode (RFC 3711 §4.1.1) with HMAC-SHA1 (§4.2.1). The payload is encrypted by the JDK's
 * AES/CTR, whose counter block is RFC 3711's IV: the JDK increments it as one 128-bit big-endian number and
 * the IV's low 16 bits start at zero, so for the fewer than 2^16 blocks of a packet that is exactly the
 * SRTP block counter. CTR is the mode the JVM compiles to pipelined AES-NI; one long-lived Cipher per key is
 * re-initialised with each packet's IV, which keeps the expanded key (the JDK only re-expands a changed key).
 * The Macs live as long as the keys and are reused packet after packet.
 */
final class AesCmHmacTransform implements SrtpTransform {
    private static final int BLOCK = 16;

    private final Cipher rtpAes;
    private final Cipher rtcpAes;
    private final SecretKeySpec rtpKey;
    private final SecretKeySpec rtcpKey;
    private final Mac rtpMac;
    private final Mac rtcpMac;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final byte[] iv = new byte[BLOCK];
    private final byte[] digest = new byte[20];
    private final byte[] word = new byte[4];
    /** The JDK copies its input first when asked to encrypt in place, so we encrypt into this and copy back. */
    private byte[] scratch = new byte[2048];

    AesCmHmacTransform(SrtpProfile profile, SessionKeys keys) {
        this.rtpTagLength = profile.rtpAuthTagLength();
        this.rtcpTagLength = profile.rtcpAuthTagLength();
        this.rtpSalt = keys.rtpSalt();
        this.rtcpSalt = keys.rtcpSalt();
        this.rtpKey = new SecretKeySpec(keys.rtpKey(), "AES");
        this.rtcpKey = new SecretKeySpec(keys.rtcpKey(), "AES");
        try {
            rtpAes = Cipher.getInstance("AES/CTR/NoPadding");
            rtcpAes = Cipher.getInstance("AES/CTR/NoPadding");
            rtpMac = hmac(keys.rtpAuthKey());
            rtcpMac = hmac(keys.rtcpAuthKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/CTR or HmacSHA1 unavailable", e);
        }
    }

    private static Mac hmac(byte[] key) throws GeneralSecurityException {
        Mac m = Mac.getInstance("HmacSHA1");
        m.init(new SecretKeySpec(key, "HmacSHA1"));
        return m;
    }

    @Override
    public int rtpTagLength() {
        return rtpTagLength;
    }

    @Override
    public int rtcpTrailerLength() {
        return rtcpTagLength + SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int rtcpIndexFromEnd() {
        return rtcpTagLength + SrtpProfile.SRTCP_INDEX_LENGTH;
    }

    @Override
    public int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        if (!xorKeystream(rtpAes, rtpKey, rtpSalt, ssrc, index, buf, off + headerLength, len - headerLength)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        if (!rtpTag(buf, off, len, (int) (index >>> 16))) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        System.arraycopy(digest, 0, buf, off + len, rtpTagLength);
        return len + rtpTagLength;
    }

    @Override
    public int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index) {
        int authenticated = len - rtpTagLength;
        if (!rtpTag(buf, off, authenticated, (int) (index >>> 16))) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        if (!tagMatches(buf, off + authenticated, rtpTagLength)) {
            return SrtpError.AUTH_FAILED.code();
        }
        if (!xorKeystream(rtpAes, rtpKey, rtpSalt, ssrc, index, buf, off + headerLength,
                authenticated - headerLength)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        if (!xorKeystream(rtcpAes, rtcpKey, rtcpSalt, ssrc, index, buf, off + 8, len - 8)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        putInt(buf, off + len, 0x80000000 | index);
        int authenticated = len + SrtpProfile.SRTCP_INDEX_LENGTH;
        if (!rtcpTag(buf, off, authenticated)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        System.arraycopy(digest, 0, buf, off + authenticated, rtcpTagLength);
        return authenticated + rtcpTagLength;
    }

    @Override
    public int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted) {
        int authenticated = len - rtcpTagLength;
        if (!rtcpTag(buf, off, authenticated)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        if (!tagMatches(buf, off + authenticated, rtcpTagLength)) {
            return SrtpError.AUTH_FAILED.code();
        }
        int plain = authenticated - SrtpProfile.SRTCP_INDEX_LENGTH;
        if (encrypted && !xorKeystream(rtcpAes, rtcpKey, rtcpSalt, ssrc, index, buf, off + 8, plain - 8)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        return plain;
    }

    /** RFC 3711 §4.2: the RTP tag covers the packet and then the 32-bit ROC. */
    private boolean rtpTag(byte[] buf, int off, int len, int roc) {
        try {
            rtpMac.update(buf, off, len);
            putInt(word, 0, roc);
            rtpMac.update(word, 0, 4);
            rtpMac.doFinal(digest, 0);
            return true;
        } catch (GeneralSecurityException e) {
            rtpMac.reset();
            return false;
        }
    }

    private boolean rtcpTag(byte[] buf, int off, int len) {
        try {
            rtcpMac.update(buf, off, len);
            rtcpMac.doFinal(digest, 0);
            return true;
        } catch (GeneralSecurityException e) {
            rtcpMac.reset();
            return false;
        }
    }

    /** Compares in constant time so the tag cannot be learnt byte by byte from timing. */
    private boolean tagMatches(byte[] buf, int at, int length) {
        int diff = 0;
        for (int i = 0; i < length; i++) {
            diff |= digest[i] ^ buf[at + i];
        }
        return diff == 0;
    }

    /**
     * IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16); its low 16 bits, the block counter, start at 0.
     * Encrypting is XOR with the keystream, so the same call decrypts.
     */
    private boolean xorKeystream(Cipher aes, SecretKeySpec key, byte[] salt, int ssrc, long index, byte[] buf,
            int at, int length) {
        if (length <= 0) {
            return true;
        }
        System.arraycopy(salt, 0, iv, 0, 14);
        iv[14] = 0;
        iv[15] = 0;
        iv[4] ^= (byte) (ssrc >>> 24);
        iv[5] ^= (byte) (ssrc >>> 16);
        iv[6] ^= (byte) (ssrc >>> 8);
        iv[7] ^= (byte) ssrc;
        for (int i = 0; i < 6; i++) {
            iv[13 - i] ^= (byte) (index >>> (8 * i));
        }
        if (scratch.length < length) {
            scratch = new byte[length];
        }
        try {
            aes.init(Cipher.ENCRYPT_MODE, key, new IvParameterSpec(iv));
            if (aes.doFinal(buf, at, length, scratch, 0) != length) {
                return false;
            }
        } catch (GeneralSecurityException e) {
            return false;
        }
        System.arraycopy(scratch, 0, buf, at, length);
        return true;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
