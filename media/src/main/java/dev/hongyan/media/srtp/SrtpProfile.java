package dev.hongyan.media.srtp;

/**
 * The SRTP protection profiles we negotiate, with the lengths RFC 5764 §4.1.2 and RFC 7714 §14.2
 * assign to them. The constant names are the ones mediasoup puts in {@code srtpParameters}.
 */
public enum SrtpProfile {
    // The _32 profile shortens only the SRTP tag; SRTCP keeps 80 bits (RFC 5764 §4.1.2).
    AES_CM_128_HMAC_SHA1_80(0x0001, 16, 14, 10, 10, false),
    AES_CM_128_HMAC_SHA1_32(0x0002, 16, 14, 4, 10, false),
    AEAD_AES_128_GCM(0x0007, 16, 12, 16, 16, true),
    AEAD_AES_256_GCM(0x0008, 32, 12, 16, 16, true);

    /** SRTCP trails every packet with the E bit and the 31-bit SRTCP index. */
    static final int SRTCP_INDEX_LENGTH = 4;

    private final int dtlsId;
    private final int keyLength;
    private final int saltLength;
    private final int rtpTagLength;
    private final int rtcpTagLength;
    private final boolean aead;

    SrtpProfile(int dtlsId, int keyLength, int saltLength, int rtpTagLength, int rtcpTagLength, boolean aead) {
        this.dtlsId = dtlsId;
        this.keyLength = keyLength;
        this.saltLength = saltLength;
        this.rtpTagLength = rtpTagLength;
        this.rtcpTagLength = rtcpTagLength;
        this.aead = aead;
    }

    /** The SRTPProtectionProfile value of the DTLS use_srtp extension. */
    public int dtlsId() {
        return dtlsId;
    }

    /** Master (and session) key length in bytes. */
    public int keyLength() {
        return keyLength;
    }

    /** Master salt length in bytes. */
    public int saltLength() {
        return saltLength;
    }

    public int rtpAuthTagLength() {
        return rtpTagLength;
    }

    public int rtcpAuthTagLength() {
        return rtcpTagLength;
    }

    public boolean isAead() {
        return aead;
    }

    /** Bytes {@code protectRtp} appends; callers leave this much room after the packet. */
    public int rtpOverhead() {
        return rtpTagLength;
    }

    /** Bytes {@code protectRtcp} appends: the tag plus the E/index word. */
    public int rtcpOverhead() {
        return rtcpTagLength + SRTCP_INDEX_LENGTH;
    }

    /** Bytes the DTLS exporter must produce for this profile: two keys and two salts. */
    public int exporterLength() {
        return 2 * (keyLength + saltLength);
    }

    /** The profile with this DTLS use_srtp id, or null when we do not support it. */
    public static SrtpProfile fromDtlsId(int id) {
        for (SrtpProfile p : values()) {
            if (p.dtlsId == id) {
                return p;
            }
        }
        return null;
    }
}
