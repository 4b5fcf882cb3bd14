package dev.hongyan.media.srtp;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in counter mode (RFC 3711 §4.1.1) with HMAC-SHA1 (§4.2.1). The keystream is made with AES-ECB
 * over a buffer of counter blocks: one JCE call per packet, and no re-init, because the key never
 * changes while the IV changes on every packet.
 */
final class AesCmHmacTransform implements SrtpTransform {
    private static final int BLOCK = 16;
    // XOR eight bytes at a time; byte order is irrelevant to XOR as long as both sides agree.
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.nativeOrder());

    private final Cipher rtpAes;
    private final Cipher rtcpAes;
    private final Mac rtpMac;
    private final Mac rtcpMac;
    private final byte[] rtpSalt;
    private final byte[] rtcpSalt;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final byte[] iv = new byte[BLOCK];
    private final byte[] digest = new byte[20];
    private final byte[] word = new byte[4];
    private byte[] keystream = new byte[1504];

    AesCmHmacTransform(SrtpProfile profile, SessionKeys keys) {
        this.rtpTagLength = profile.rtpAuthTagLength();
        this.rtcpTagLength = profile.rtcpAuthTagLength();
        this.rtpSalt = keys.rtpSalt();
        this.rtcpSalt = keys.rtcpSalt();
        try {
            rtpAes = ecb(keys.rtpKey());
            rtcpAes = ecb(keys.rtcpKey());
            rtpMac = hmac(keys.rtpAuthKey());
            rtcpMac = hmac(keys.rtcpAuthKey());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES or HmacSHA1 unavailable", e);
        }
    }

    private static Cipher ecb(byte[] key) throws GeneralSecurityException {
        Cipher c = Cipher.getInstance("AES/ECB/NoPadding");
        c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"));
        return c;
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
        if (!xorKeystream(rtpAes, rtpSalt, ssrc, index, buf, off + headerLength, len - headerLength)) {
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
        if (!xorKeystream(rtpAes, rtpSalt, ssrc, index, buf, off + headerLength, authenticated - headerLength)) {
            return SrtpError.CIPHER_FAILURE.code();
        }
        return authenticated;
    }

    @Override
    public int protectRtcp(byte[] buf, int off, int len, int ssrc, int index) {
        if (!xorKeystream(rtcpAes, rtcpSalt, ssrc, index, buf, off + 8, len - 8)) {
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
        if (encrypted && !xorKeystream(rtcpAes, rtcpSalt, ssrc, index, buf, off + 8, plain - 8)) {
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
     * IV = (salt * 2^16) XOR (SSRC * 2^64) XOR (index * 2^16). Its low 16 bits are zero, so the
     * block counter is written there directly; packets are far below the 2^16 blocks it allows.
     */
    private boolean xorKeystream(Cipher aes, byte[] salt, int ssrc, long index, byte[] buf, int at, int length) {
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
        int blocks = (length + BLOCK - 1) / BLOCK;
        int streamLength = blocks * BLOCK;
        if (keystream.length < streamLength) {
            keystream = new byte[streamLength];
        }
        byte[] ks = keystream;
        for (int b = 0; b < blocks; b++) {
            int p = b * BLOCK;
            System.arraycopy(iv, 0, ks, p, 14);
            ks[p + 14] = (byte) (b >>> 8);
            ks[p + 15] = (byte) b;
        }
        try {
            aes.update(ks, 0, streamLength, ks, 0);
        } catch (GeneralSecurityException e) {
            return false;
        }
        int i = 0;
        for (int words = length & ~7; i < words; i += 8) {
            LONGS.set(buf, at + i, (long) LONGS.get(buf, at + i) ^ (long) LONGS.get(ks, i));
        }
        for (; i < length; i++) {
            buf[at + i] ^= ks[i];
        }
        return true;
    }

    static void putInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }
}
