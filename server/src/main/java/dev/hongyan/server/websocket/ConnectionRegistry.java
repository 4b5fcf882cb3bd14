package dev.hongyan.server.websocket;

import dev.hongyan.gateway.connection.Connection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The live WebSocket connections of one server: the admission limit, ids, and the set that stop() closes. */
public final class ConnectionRegistry {

    private final int maxConnections;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicLong ids = new AtomicLong();
    private final Set<NettyConnection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean accepting = true;

    public ConnectionRegistry(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    enum Admission { ADMITTED, FULL, STOPPING }

    /** Reserves a slot before the handshake, so concurrent upgrades cannot overshoot the limit. */
    Admission admit() {
        if (!accepting) {
            return Admission.STOPPING;
        }
        if (admitted.incrementAndGet() > maxConnections) {
            admitted.decrementAndGet();
            return Admission.FULL;
        }
        return Admission.ADMITTED;
    }

    /** Gives back a slot reserved by {@link #admit} (handshake refused, or connection closed). */
    void release() {
        admitted.decrementAndGet();
    }

    void added(NettyConnection connection) {
        open.add(connection);
    }

    void removed(NettyConnection connection) {
        open.remove(connection);
    }

    String nextId() {
        return Long.toString(ids.incrementAndGet());
    }

    /** Connections admitted and not yet closed. */
    public int count() {
        return admitted.get();
    }

    /** New upgrades get 503 from now on. */
    public void stopAccepting() {
        accepting = false;
    }

    public List<Connection> snapshot() {
        return List.copyOf(open);
    }
}
