package dev.hongyan.gateway.protoo;

/** mediasoup's stats array as is. */
final class GetConsumerStatsHandler implements ProtooHandler<Bodies.ConsumerId> {

    @Override
    public String method() {
        return "getConsumerStats";
    }

    @Override
    public Class<Bodies.ConsumerId> bodyType() {
        return Bodies.ConsumerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ConsumerId body) {
        exchange.complete(exchange.peer().consumerStats(body.consumerId()));
    }
}
