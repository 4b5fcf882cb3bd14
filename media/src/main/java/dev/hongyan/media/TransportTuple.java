package dev.hongyan.media;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** mediasoup's {@code TransportTuple}: the selected ICE pair {@code {localAddress, localPort, remoteIp, remotePort, protocol}}. */
@JsonPropertyOrder({"localAddress", "localPort", "remoteIp", "remotePort", "protocol"})
public record TransportTuple(String localAddress, int localPort, String remoteIp, int remotePort, String protocol) {
}
