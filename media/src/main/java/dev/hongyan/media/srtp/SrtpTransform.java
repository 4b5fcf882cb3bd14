package dev.hongyan.media.srtp;

/**
 * The cipher-specific half of SRTP: encryption and authentication of one packet whose index the
 * context has already worked out. Implementations own their cached JCE objects.
 */
interface SrtpTransform {

    /** Bytes appended to an SRTP packet. */
    int rtpTagLength();

    /** Bytes appended to an SRTCP packet: tag and E/index word. */
    int rtcpTrailerLength();

    /** Offset of the E/index word counted back from the end of an SRTCP packet. */
    int rtcpIndexFromEnd();

    /** Encrypts the payload after {@code headerLength} and appends the tag; returns the new length. */
    int protectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /** Verifies then decrypts; {@code len} includes the tag. Returns plaintext length or an error code. */
    int unprotectRtp(byte[] buf, int off, int len, int headerLength, int ssrc, long index);

    /** Encrypts everything after the first 8 bytes, appends E/index and the tag; returns the new length. */
    int protectRtcp(byte[] buf, int off, int len, int ssrc, int index);

    /** {@code len} includes the trailer. Returns the plain compound length or an error code. */
    int unprotectRtcp(byte[] buf, int off, int len, int ssrc, int index, boolean encrypted);
}
