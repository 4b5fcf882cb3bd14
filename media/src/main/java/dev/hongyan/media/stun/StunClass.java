package dev.hongyan.media.stun;

/** The two class bits of a STUN message type (RFC 8489 §5). */
public enum StunClass {
    REQUEST, INDICATION, SUCCESS_RESPONSE, ERROR_RESPONSE;

    private static final StunClass[] BY_BITS = values();

    static StunClass ofBits(int bits) {
        return BY_BITS[bits & 0x3];
    }

    int bits() {
        return ordinal();
    }
}
