package dev.hongyan.media;

/**
 * Engine-wide forwarding figures since the last reset: RTP packets sent to consumers (retransmissions
 * excluded), and the time each spent in the engine, from the moment its source datagram was handed over
 * by the socket to the moment the consumer's copy was written to the socket (microseconds).
 */
public record ForwardingMetrics(long forwardedPackets, long latencySamples, long p50Micros, long p99Micros,
        long maxMicros, long receivedRtpPackets) {
}
