package dev.hongyan.gateway.protoo;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Method name → handler. Refuses a second handler for a method, so wiring mistakes fail at start. */
final class ProtooHandlers {

    private final Map<String, ProtooHandler<?>> handlers = new TreeMap<>();

    ProtooHandlers register(ProtooHandler<?> handler) {
        if (handlers.putIfAbsent(handler.method(), handler) != null) {
            throw new IllegalStateException("two handlers for protoo method " + handler.method());
        }
        return this;
    }

    Optional<ProtooHandler<?>> find(String method) {
        return Optional.ofNullable(handlers.get(method));
    }

    Collection<ProtooHandler<?>> all() {
        return Collections.unmodifiableCollection(handlers.values());
    }

    /** Every request of mediasoup-demo v3's Room._handleProtooRequest. */
    static ProtooHandlers mediasoupDemo() {
        return new ProtooHandlers()
                .register(new GetRouterRtpCapabilitiesHandler())
                .register(new JoinHandler())
                .register(new CreateWebRtcTransportHandler())
                .register(new ConnectWebRtcTransportHandler())
                .register(new RestartIceHandler())
                .register(new ProduceHandler())
                .register(new CloseProducerHandler())
                .register(new PauseProducerHandler())
                .register(new ResumeProducerHandler())
                .register(new PauseConsumerHandler())
                .register(new ResumeConsumerHandler())
                .register(new SetConsumerPreferredLayersHandler())
                .register(new SetConsumerPriorityHandler())
                .register(new RequestConsumerKeyFrameHandler())
                .register(new ProduceDataHandler())
                .register(new ChangeDisplayNameHandler())
                .register(new GetTransportStatsHandler())
                .register(new GetProducerStatsHandler())
                .register(new GetConsumerStatsHandler())
                .register(new GetDataProducerStatsHandler())
                .register(new GetDataConsumerStatsHandler())
                .register(new ApplyNetworkThrottleHandler())
                .register(new ResetNetworkThrottleHandler());
    }
}
