package dev.hongyan.media;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One entry of mediasoup's producer/consumer stats list: an {@code "inbound-rtp"} stream (what a
 * producer sends us) or an {@code "outbound-rtp"} stream (what we send a consumer). Field names and
 * meanings follow mediasoup's {@code RtpStreamRecvStats}/{@code RtpStreamSendStats}; absent values are
 * left out of the JSON.
 *
 * @param timestamp        milliseconds since the epoch when the stats were taken
 * @param fractionLost     0..255 as in RTCP (inbound: our measure; outbound: the receiver's report)
 * @param packetsLost      cumulative (inbound: ours; outbound: the receiver's report)
 * @param packetsDiscarded packets dropped before forwarding (unknown payload type, bad SRTP, too late)
 * @param packetsRetransmitted inbound: RTX packets received; outbound: retransmissions sent
 * @param packetsRepaired  inbound: lost packets recovered by RTX; outbound: NACKed packets we resent
 * @param score            0..10
 * @param bitrate          bits per second over the last second
 * @param roundTripTime    milliseconds, from RTCP SR/RR LSR/DLSR, when known
 * @param jitter           inbound only: interarrival jitter in RTP timestamp units (RFC 3550 §6.4.1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "timestamp", "ssrc", "rtxSsrc", "rid", "kind", "mimeType", "packetsLost", "fractionLost",
        "packetsDiscarded", "packetsRetransmitted", "packetsRepaired", "nackCount", "nackPacketCount", "pliCount",
        "firCount", "score", "packetCount", "byteCount", "bitrate", "roundTripTime", "jitter"})
public record RtpStreamStats(String type, long timestamp, long ssrc, Long rtxSsrc, String rid, String kind,
        String mimeType, long packetsLost, int fractionLost, long packetsDiscarded, long packetsRetransmitted,
        long packetsRepaired, long nackCount, long nackPacketCount, long pliCount, long firCount, int score,
        long packetCount, long byteCount, long bitrate, Double roundTripTime, Long jitter) {

    public static final String INBOUND = "inbound-rtp";
    public static final String OUTBOUND = "outbound-rtp";
}
