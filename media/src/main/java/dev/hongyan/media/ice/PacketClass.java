package dev.hongyan.media.ice;

/**
 * What a datagram on a WebRTC port carries, told by its first byte (RFC 7983 §7). The ranges are disjoint
 * by design of the protocols, so one comparison chain sorts every packet without parsing it.
 */
public enum PacketClass {
    /** 0..3 */
    STUN,
    /** 16..19 */
    ZRTP,
    /** 20..63 */
    DTLS,
    /** 64..79 */
    TURN_CHANNEL,
    /** 128..191: RTP or RTCP; tell them apart with {@link #isRtcp}. */
    RTP_RTCP,
    /** anything else: drop it */
    UNKNOWN;

    public static PacketClass of(int firstByte) {
        int b = firstByte & 0xFF;
        if (b <= 3) {
            return STUN;
        } else if (b < 16) {
            return UNKNOWN;
        } else if (b <= 19) {
            return ZRTP;
        } else if (b <= 63) {
            return DTLS;
        } else if (b <= 79) {
            return TURN_CHANNEL;
        } else if (b >= 128 && b <= 191) {
            return RTP_RTCP;
        }
        return UNKNOWN;
    }

    public static PacketClass of(byte[] packet) {
        return packet.length == 0 ? UNKNOWN : of(packet[0]);
    }

    /**
     * With RTP and RTCP multiplexed, the second byte is an RTCP packet type in 192..223 (RFC 5761 §4);
     * RTP payload types avoid that range. Call only on {@link #RTP_RTCP} packets of at least 2 bytes.
     */
    public static boolean isRtcp(byte[] packet) {
        int pt = packet[1] & 0xFF;
        return pt >= 192 && pt <= 223;
    }
}
