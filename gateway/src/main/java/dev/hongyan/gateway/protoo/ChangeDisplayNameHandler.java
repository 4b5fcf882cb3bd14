package dev.hongyan.gateway.protoo;

/** The others hear {@code peerDisplayNameChanged}. */
final class ChangeDisplayNameHandler implements ProtooHandler<Bodies.DisplayName> {

    @Override
    public String method() {
        return "changeDisplayName";
    }

    @Override
    public Class<Bodies.DisplayName> bodyType() {
        return Bodies.DisplayName.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.DisplayName body) {
        exchange.complete(exchange.peer().changeDisplayName(body.displayName()));
    }
}
