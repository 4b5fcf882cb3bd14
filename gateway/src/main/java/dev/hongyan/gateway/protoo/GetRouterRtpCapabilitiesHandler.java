package dev.hongyan.gateway.protoo;

/** The router capabilities themselves, not wrapped: what {@code device.load()} takes. */
final class GetRouterRtpCapabilitiesHandler implements ProtooHandler<Bodies.Empty> {

    @Override
    public String method() {
        return "getRouterRtpCapabilities";
    }

    @Override
    public Class<Bodies.Empty> bodyType() {
        return Bodies.Empty.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.Empty body) {
        exchange.accept(exchange.peer().routerRtpCapabilities());
    }
}
