package dev.hongyan.gateway.protoo;

/** Resumes one of the peer's own consumers. */
final class ResumeConsumerHandler implements ProtooHandler<Bodies.ConsumerId> {

    @Override
    public String method() {
        return "resumeConsumer";
    }

    @Override
    public Class<Bodies.ConsumerId> bodyType() {
        return Bodies.ConsumerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ConsumerId body) {
        exchange.complete(exchange.peer().resumeConsumer(body.consumerId()));
    }
}
