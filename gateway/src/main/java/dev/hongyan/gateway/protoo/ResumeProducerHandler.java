package dev.hongyan.gateway.protoo;

/** The others hear {@code consumerResumed}. */
final class ResumeProducerHandler implements ProtooHandler<Bodies.ProducerId> {

    @Override
    public String method() {
        return "resumeProducer";
    }

    @Override
    public Class<Bodies.ProducerId> bodyType() {
        return Bodies.ProducerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ProducerId body) {
        exchange.complete(exchange.peer().resumeProducer(body.producerId()));
    }
}
