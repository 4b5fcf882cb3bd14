package dev.hongyan.media.bwe;

/**
 * What feedback told about one packet we sent: when we sent it, its size, and when it arrived in the
 * receiver's clock ({@link #NOT_RECEIVED} if it was reported lost). Only differences between arrival
 * times mean anything: the two clocks are not related.
 */
public record PacketResult(long sendMicros, int size, long arrivalMicros) {
    public static final long NOT_RECEIVED = Long.MIN_VALUE;

    public static PacketResult lost(long sendMicros, int size) {
        return new PacketResult(sendMicros, size, NOT_RECEIVED);
    }

    public boolean received() {
        return arrivalMicros != NOT_RECEIVED;
    }
}
