package dev.hongyan.media.dtls;

import java.util.List;

/**
 * The SRTP protection profiles we negotiate with use_srtp (RFC 5764 §4.1.2, RFC 7714 §14.2), with the
 * master key and salt lengths the DTLS exporter must produce for each.
 */
public enum SrtpProfile {
    SRTP_AES128_CM_HMAC_SHA1_80(0x0001, 16, 14),
    SRTP_AES128_CM_HMAC_SHA1_32(0x0002, 16, 14),
    SRTP_AEAD_AES_128_GCM(0x0007, 16, 12),
    SRTP_AEAD_AES_256_GCM(0x0008, 32, 12);

    /** What browsers negotiate today first, then the mandatory-to-implement profile (RFC 8827). */
    public static final List<SrtpProfile> DEFAULT_PREFERENCE =
            List.of(SRTP_AEAD_AES_128_GCM, SRTP_AES128_CM_HMAC_SHA1_80);

    private final int code;
    private final int keyLength;
    private final int saltLength;

    SrtpProfile(int code, int keyLength, int saltLength) {
        this.code = code;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
    }

    /** The two-byte SRTPProtectionProfile value on the wire. */
    public int code() {
        return code;
    }

    public int keyLength() {
        return keyLength;
    }

    public int saltLength() {
        return saltLength;
    }

    public static SrtpProfile fromCode(int code) {
        for (SrtpProfile profile : values()) {
            if (profile.code == code) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unsupported SRTP profile: 0x" + Integer.toHexString(code));
    }

    /**
     * The first of {@code preference} that the peer offered, or null. As server we pick by our order,
     * not the client's, as OpenSSL does, so the operator's preference holds whatever the browser sends.
     */
    static SrtpProfile select(List<SrtpProfile> preference, int[] offered) {
        for (SrtpProfile candidate : preference) {
            for (int code : offered) {
                if (candidate.code == code) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
