package dev.hongyan.gateway.protoo;

import dev.hongyan.core.media.ProduceRequest;
import java.util.Map;

/** Answers {@code {id}}; every other joined peer that can receive it gets a {@code newConsumer} request. */
final class ProduceHandler implements ProtooHandler<Bodies.Produce> {

    @Override
    public String method() {
        return "produce";
    }

    @Override
    public Class<Bodies.Produce> bodyType() {
        return Bodies.Produce.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.Produce body) {
        exchange.complete(exchange.peer()
                .produce(new ProduceRequest(body.transportId(), body.kind(), body.rtpParameters(), body.appData()))
                .thenApply(id -> Map.of("id", id)));
    }
}
