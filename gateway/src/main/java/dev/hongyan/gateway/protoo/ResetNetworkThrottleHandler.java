package dev.hongyan.gateway.protoo;

/** Always refused; see {@link NetworkThrottle}. */
final class ResetNetworkThrottleHandler implements ProtooHandler<Bodies.Throttle> {

    @Override
    public String method() {
        return "resetNetworkThrottle";
    }

    @Override
    public Class<Bodies.Throttle> bodyType() {
        return Bodies.Throttle.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.Throttle body) {
        NetworkThrottle.refuse(exchange, body.secret());
    }
}
