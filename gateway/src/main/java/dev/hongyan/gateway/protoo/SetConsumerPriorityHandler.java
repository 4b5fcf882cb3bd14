package dev.hongyan.gateway.protoo;

/** Stored and reported by the engine; it weighs nothing until there is bandwidth estimation. */
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
