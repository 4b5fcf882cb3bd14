package dev.hongyan.gateway.protoo;

/** Asks the producing endpoint for a keyframe on behalf of a consumer. */
final class RequestConsumerKeyFrameHandler implements ProtooHandler<Bodies.ConsumerId> {

    @Override
    public String method() {
        return "requestConsumerKeyFrame";
    }

    @Override
    public Class<Bodies.ConsumerId> bodyType() {
        return Bodies.ConsumerId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.ConsumerId body) {
        exchange.complete(exchange.peer().requestConsumerKeyFrame(body.consumerId()));
    }
}
