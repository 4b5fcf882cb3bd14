package dev.hongyan.gateway.protoo;

/** The others hear {@code consumerClosed} through their consumers. */
final class CloseProducerHandler implements ProtooHandler<Bodies.ProducerId> {

    @Override
    public String method() {
        return "closeProducer";
    }

    @Override
    public Class<Bodies.ProducerId> bodyType() {
        return Bodies.ProducerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ProducerId body) {
        exchange.complete(exchange.peer().closeProducer(body.producerId()));
    }
}
