package dev.hongyan.media.rtcp;

/**
 * The one exception parsing throws: the bytes are not a well-formed RTCP compound packet. Unchecked
 * because callers on the packet path drop the packet and count it, nothing more.
 */
public final class RtcpParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RtcpParseException(String message) {
        super(message, null, false, false);
    }
}
