package dev.hongyan.gateway.protoo;

/** The client's DTLS fingerprints and role; answers {@code {}}. */
final class ConnectWebRtcTransportHandler implements ProtooHandler<Bodies.ConnectWebRtcTransport> {

    @Override
    public String method() {
        return "connectWebRtcTransport";
    }

    @Override
    public Class<Bodies.ConnectWebRtcTransport> bodyType() {
        return Bodies.ConnectWebRtcTransport.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ConnectWebRtcTransport body) {
        exchange.complete(exchange.peer().connectWebRtcTransport(body.transportId(), body.dtlsParameters()));
    }
}
