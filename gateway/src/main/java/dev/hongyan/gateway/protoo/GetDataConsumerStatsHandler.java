package dev.hongyan.gateway.protoo;

/** No data consumers exist without SCTP, so every id is "not found", as the demo words it. */
final class GetDataConsumerStatsHandler implements ProtooHandler<Bodies.DataConsumerId> {

    @Override
    public String method() {
        return "getDataConsumerStats";
    }

    @Override
    public Class<Bodies.DataConsumerId> bodyType() {
        return Bodies.DataConsumerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.DataConsumerId body) {
        exchange.complete(exchange.peer().dataConsumerStats(body.dataConsumerId()));
    }
}
