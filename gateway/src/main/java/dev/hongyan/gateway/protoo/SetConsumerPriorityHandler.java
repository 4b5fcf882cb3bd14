package dev.hongyan.gateway.protoo;

/** mediasoup's consumer priority: how the peer's estimated downlink is shared among its simulcast consumers. */
final class SetConsumerPriorityHandler implements ProtooHandler<Bodies.Priority> {

    @Override
    public String method() {
        return "setConsumerPriority";
    }

    @Override
    public Class<Bodies.Priority> bodyType() {
        return Bodies.Priority.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.Priority body) {
        exchange.complete(exchange.peer().setConsumerPriority(body.consumerId(), body.priority()));
    }
}
