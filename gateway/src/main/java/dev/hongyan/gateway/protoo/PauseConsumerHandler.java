package dev.hongyan.gateway.protoo;

/** Pauses one of the peer's own consumers. */
final class PauseConsumerHandler implements ProtooHandler<Bodies.ConsumerId> {

    @Override
    public String method() {
        return "pauseConsumer";
    }

    @Override
    public Class<Bodies.ConsumerId> bodyType() {
        return Bodies.ConsumerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ConsumerId body) {
        exchange.complete(exchange.peer().pauseConsumer(body.consumerId()));
    }
}
