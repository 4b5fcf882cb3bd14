package dev.hongyan.gateway.protoo;

/** No data producers exist without SCTP, so every id is "not found", as the demo words it. */
final class GetDataProducerStatsHandler implements ProtooHandler<Bodies.DataProducerId> {

    @Override
    public String method() {
        return "getDataProducerStats";
    }

    @Override
    public Class<Bodies.DataProducerId> bodyType() {
        return Bodies.DataProducerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.DataProducerId body) {
        exchange.complete(exchange.peer().dataProducerStats(body.dataProducerId()));
    }
}
