package dev.hongyan.gateway.protoo;

/** Answers the new {@code iceParameters} object itself. */
final class RestartIceHandler implements ProtooHandler<Bodies.TransportId> {

    @Override
    public String method() {
        return "restartIce";
    }

    @Override
    public Class<Bodies.TransportId> bodyType() {
        return Bodies.TransportId.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.TransportId body) {
        exchange.complete(exchange.peer().restartIce(body.transportId()));
    }
}
