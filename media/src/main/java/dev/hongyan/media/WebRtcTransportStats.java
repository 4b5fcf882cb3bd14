package dev.hongyan.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * mediasoup's {@code WebRtcTransportStats} ({@code type "webrtc-transport"}): byte counters and
 * bitrates (bits per second over the last second) for everything, RTP only and RTX only, plus ICE and
 * DTLS state; {@code probation*} count the padding sent to probe the path (and are part of
 * {@code bytesSent}). {@code availableOutgoingBitrate} is the estimate of the path to the endpoint, absent until its
 * feedback gave one (mediasoup reports it once the transport has a congestion-control client);
 * {@code availableIncomingBitrate} is absent: the engine does not estimate what the endpoint sends it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "transportId", "timestamp", "bytesReceived", "recvBitrate", "bytesSent", "sendBitrate",
        "rtpBytesReceived", "rtpRecvBitrate", "rtpBytesSent", "rtpSendBitrate", "rtxBytesReceived", "rtxRecvBitrate",
        "rtxBytesSent", "rtxSendBitrate", "probationBytesSent", "probationSendBitrate", "availableOutgoingBitrate",
        "iceRole", "iceState",
        "iceSelectedTuple", "dtlsState"})
public record WebRtcTransportStats(String type, String transportId, long timestamp, long bytesReceived,
        long recvBitrate, long bytesSent, long sendBitrate, long rtpBytesReceived, long rtpRecvBitrate,
        long rtpBytesSent, long rtpSendBitrate, long rtxBytesReceived, long rtxRecvBitrate, long rtxBytesSent,
        long rtxSendBitrate, long probationBytesSent, long probationSendBitrate, Long availableOutgoingBitrate,
        String iceRole, String iceState,
        TransportTuple iceSelectedTuple, String dtlsState) {

    public static final String TYPE = "webrtc-transport";
}
