package dev.hongyan.gateway.protoo;

import dev.hongyan.core.media.TransportRequest;

/**
 * Answers {@code {id, iceParameters, iceCandidates, dtlsParameters}}. A client that sends
 * {@code sctpCapabilities} still gets its transport, without {@code sctpParameters}: mediasoup-client then
 * simply cannot open data channels on it, which is true (no SCTP yet). {@code forceTcp} is ignored: the
 * engine has one UDP port and no ICE-TCP, and a UDP candidate that works beats a refusal.
 */
final class CreateWebRtcTransportHandler implements ProtooHandler<Bodies.CreateWebRtcTransport> {

    @Override
    public String method() {
        return "createWebRtcTransport";
    }

    @Override
    public Class<Bodies.CreateWebRtcTransport> bodyType() {
        return Bodies.CreateWebRtcTransport.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.CreateWebRtcTransport body) {
        TransportRequest request = new TransportRequest(Boolean.TRUE.equals(body.producing()),
                Boolean.TRUE.equals(body.consuming()), Boolean.TRUE.equals(body.forceTcp()), body.wantsSctp());
        exchange.complete(exchange.peer().createWebRtcTransport(request));
    }
}
