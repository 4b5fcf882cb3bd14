package dev.hongyan.server.websocket;

import io.netty.channel.EventLoop;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** One {@link Outbox} per event loop, created on first use; one instance per server. */
final class Outboxes {

    private final Map<EventLoop, Outbox> byLoop = new ConcurrentHashMap<>();

    Outbox of(EventLoop loop) {
        return byLoop.computeIfAbsent(loop, Outbox::new);
    }
}
