package dev.hongyan.gateway.protoo;

import dev.hongyan.media.ConsumerLayers;

/** Simulcast/SVC layer choice; the engine clamps it to what the producer has. */
final class SetConsumerPreferredLayersHandler implements ProtooHandler<Bodies.PreferredLayers> {

    @Override
    public String method() {
        return "setConsumerPreferredLayers";
    }

    @Override
    public Class<Bodies.PreferredLayers> bodyType() {
        return Bodies.PreferredLayers.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.PreferredLayers body) {
        exchange.complete(exchange.peer().setConsumerPreferredLayers(body.consumerId(),
                new ConsumerLayers(body.spatialLayer(), body.temporalLayer())));
    }
}
