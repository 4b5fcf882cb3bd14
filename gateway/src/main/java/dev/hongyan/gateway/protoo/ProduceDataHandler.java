package dev.hongyan.gateway.protoo;

/**
 * Refused with a clear "not supported yet" until the engine has SCTP, after the checks the demo makes
 * first (joined, own transport), so a client sees the same errors in the same order.
 */
final class ProduceDataHandler implements ProtooHandler<Bodies.ProduceData> {

    @Override
    public String method() {
        return "produceData";
    }

    @Override
    public Class<Bodies.ProduceData> bodyType() {
        return Bodies.ProduceData.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ProduceData body) {
        exchange.complete(exchange.peer().produceData(body.transportId()));
    }
}
