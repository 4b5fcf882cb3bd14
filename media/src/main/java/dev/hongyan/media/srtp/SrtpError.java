package dev.hongyan.media.srtp;

/**
 * Why a protect or unprotect call refused a packet. The methods return {@link #code()} (always
 * negative) in place of a length, so the hot path allocates nothing and throws nothing.
 */
public enum SrtpError {
    /** Too short, wrong version, or header lengths that run past the packet. */
    MALFORMED,
    /** The authentication tag (HMAC or GCM) did not verify. */
    AUTH_FAILED,
    /** Already received, or older than the replay window reaches. */
    REPLAYED,
    /** The buffer has no room for the tag (protect) or the trailer. */
    BUFFER_TOO_SMALL,
    /** The JCE provider refused an operation; should not happen with a healthy JDK. */
    CIPHER_FAILURE,
    /**
     * Inbound only: a packet of an SSRC not seen before while {@link SrtpContext#MAX_INBOUND_SSRCS} SSRCs
     * already have state (RTP and SRTCP counted apart). The packet is refused unchecked; state is freed by
     * {@link SrtpContext#removeSsrc}.
     */
    TOO_MANY_SSRCS;

    public int code() {
        return -1 - ordinal();
    }

    /** The error a negative result stands for; null for a non-negative (successful) result. */
    public static SrtpError fromCode(int result) {
        if (result >= 0) {
            return null;
        }
        SrtpError[] all = values();
        int i = -1 - result;
        return i < all.length ? all[i] : CIPHER_FAILURE;
    }
}
