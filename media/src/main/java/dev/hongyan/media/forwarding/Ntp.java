package dev.hongyan.media.forwarding;

/** NTP timestamps for RTCP SR/RR (RFC 3550 §4), from the wall clock. */
public final class Ntp {
    /** Seconds from 1900-01-01 (NTP era 0) to 1970-01-01. */
    private static final long EPOCH_OFFSET = 2_208_988_800L;

    private Ntp() {
    }

    /** 64-bit NTP time for epoch milliseconds. */
    public static long fromEpochMillis(long millis) {
        long seconds = millis / 1000 + EPOCH_OFFSET;
        long fraction = ((millis % 1000) << 32) / 1000;
        return (seconds << 32) | fraction;
    }

    /** The middle 32 bits, as LSR and DLSR-based round trips use them. */
    public static long middle(long ntp) {
        return (ntp >>> 16) & 0xFFFFFFFFL;
    }
}
