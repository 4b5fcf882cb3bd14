package dev.hongyan.gateway.protoo;

import dev.hongyan.core.media.JoinRequest;
import java.util.Map;

/**
 * Answers {@code {peers:[{id, displayName, device}]}} (the other joined peers), then the room offers the
 * existing producers and announces the peer. The answer is sent from the room's callback, before any of
 * that: the demo app needs the peer list before the first {@code newConsumer}.
 */
final class JoinHandler implements ProtooHandler<Bodies.Join> {

    @Override
    public String method() {
        return "join";
    }

    @Override
    public Class<Bodies.Join> bodyType() {
        return Bodies.Join.class;
    }

    @Override
    public void handle(ProtooExchange exchange, Bodies.Join body) {
        exchange.peer().join(new JoinRequest(body.displayName(), body.device(), body.rtpCapabilities()),
                (peers, failure) -> {
                    if (failure != null) {
                        exchange.reject(failure);
                    } else {
                        exchange.accept(Map.of("peers", peers));
                    }
                });
    }
}
