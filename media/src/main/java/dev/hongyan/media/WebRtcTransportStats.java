package dev.hongyan.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * mediasoup's {@code WebRtcTransportStats} ({@code type "webrtc-transport"}): byte counters and
 * bitrates (bits per second over the last second) for everything, RTP only and RTX only, plus ICE and
 * DTLS state. No bandwidth estimation yet, so the available-bitrate fields are absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "transportId", "timestamp", "bytesReceived", "recvBitrate", "bytesSent", "sendBitrate",
        "rtpBytesReceived", "rtpRecvBitrate", "rtpBytesSent", "rtpSendBitrate", "rtxBytesReceived", "rtxRecvBitrate",
        "rtxBytesSent", "rtxSendBitrate", "probationBytesSent", "probationSendBitrate", "iceRole", "iceState",
        "iceSelectedTuple", "dtlsState"})
public record WebRtcTransportStats(String type, String transportId, long timestamp, long bytesReceived,
        long recvBitrate, long bytesSent, long sendBitrate, long rtpBytesReceived, long rtpRecvBitrate,
        long rtpBytesSent, long rtpSendBitrate, long rtxBytesReceived, long rtxRecvBitrate, long rtxBytesSent,
        long rtxSendBitrate, long probationBytesSent, long probationSendBitrate, String iceRole, String iceState,
        TransportTuple iceSelectedTuple, String dtlsState) {

    public static final String TYPE = "webrtc-transport";
}
