package dev.hongyan.media;

/** A transport's byte counters and once-a-second bitrates, for {@code webrtc-transport} stats. */
final class TransportCounters {
    private long bytesReceived;
    private long bytesSent;
    private long rtpBytesReceived;
    private long rtpBytesSent;
    private long rtxBytesReceived;
    private long rtxBytesSent;
    private long probationBytesSent;
    private final long[] prior = new long[7];
    private final long[] rates = new long[7];
    private long ratesAtNanos;

    void onReceived(int len) {
        bytesReceived += len;
    }

    void onRtpReceived(int len, boolean rtx) {
        if (rtx) {
            rtxBytesReceived += len;
        } else {
            rtpBytesReceived += len;
        }
    }

    void onRtpSent(int len, boolean rtx) {
        bytesSent += len;
        if (rtx) {
            rtxBytesSent += len;
        } else {
            rtpBytesSent += len;
        }
    }

    /** Padding sent to probe the path (mediasoup's probation). */
    void onProbationSent(int len) {
        bytesSent += len;
        probationBytesSent += len;
    }

    void onRtcpSent(int len) {
        bytesSent += len;
    }

    void updateBitrates(long nowNanos) {
        long[] now = {bytesReceived, bytesSent, rtpBytesReceived, rtpBytesSent, rtxBytesReceived, rtxBytesSent,
                probationBytesSent};
        long elapsed = nowNanos - ratesAtNanos;
        for (int i = 0; i < now.length; i++) {
            if (ratesAtNanos != 0 && elapsed > 0) {
                rates[i] = (now[i] - prior[i]) * 8 * 1_000_000_000L / elapsed;
            }
            prior[i] = now[i];
        }
        ratesAtNanos = nowNanos;
    }

    /** {@code availableOutgoingBitrate} is null while there is no estimate. */
    WebRtcTransportStats stats(String transportId, long timestamp, Long availableOutgoingBitrate, String iceRole,
            String iceState, TransportTuple tuple, String dtlsState) {
        return new WebRtcTransportStats(WebRtcTransportStats.TYPE, transportId, timestamp, bytesReceived, rates[0],
                bytesSent, rates[1], rtpBytesReceived, rates[2], rtpBytesSent, rates[3], rtxBytesReceived, rates[4],
                rtxBytesSent, rates[5], probationBytesSent, rates[6], availableOutgoingBitrate, iceRole, iceState,
                tuple, dtlsState);
    }
}
