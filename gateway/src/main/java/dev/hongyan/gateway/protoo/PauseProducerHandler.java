package dev.hongyan.gateway.protoo;

/** The others hear {@code consumerPaused}. */
final class PauseProducerHandler implements ProtooHandler<Bodies.ProducerId> {

    @Override
    public String method() {
        return "pauseProducer";
    }

    @Override
    public Class<Bodies.ProducerId> bodyType() {
        return Bodies.ProducerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ProducerId body) {
        exchange.complete(exchange.peer().pauseProducer(body.producerId()));
    }
}
