package dev.hongyan.gateway.protoo;

/** mediasoup's stats array as is. */
final class GetProducerStatsHandler implements ProtooHandler<Bodies.ProducerId> {

    @Override
    public String method() {
        return "getProducerStats";
    }

    @Override
    public Class<Bodies.ProducerId> bodyType() {
        return Bodies.ProducerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ProducerId body) {
        exchange.complete(exchange.peer().producerStats(body.producerId()));
    }
}
