package dev.hongyan.media;

/**
 * Engine-wide forwarding figures since the last reset: RTP packets sent to consumers (retransmissions
 * excluded), and the time each spent in the engine, from the moment its source datagram was handed over
 * by the socket to the moment the consumer's copy was written to the socket (microseconds).
 * {@code queuedP50Micros}/{@code queuedP99Micros} end earlier, when the copy was queued for the socket's
 * next flush; figures before the flush was accounted for measured that.
 */
public record ForwardingMetrics(long forwardedPackets, long latencySamples, long p50Micros, long p99Micros,
        long maxMicros, long queuedP50Micros, long queuedP99Micros, long receivedRtpPackets) {
}
