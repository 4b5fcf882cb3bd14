package dev.hongyan.gateway.protoo;

/** mediasoup's stats array as is. */
final class GetTransportStatsHandler implements ProtooHandler<Bodies.TransportId> {

    @Override
    public String method() {
        return "getTransportStats";
    }

    @Override
    public Class<Bodies.TransportId> bodyType() {
        return Bodies.TransportId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.TransportId body) {
        exchange.complete(exchange.peer().transportStats(body.transportId()));
    }
}
