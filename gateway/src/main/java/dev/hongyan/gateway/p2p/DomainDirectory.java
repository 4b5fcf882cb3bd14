package dev.hongyan.gateway.p2p;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Domain → the one socket registered under it. The originals let the last registration win (and
 * the Rust one never removed entries); here the first socket keeps its domain until it closes.
 */
final class DomainDirectory {

    private final Map<String, DomainSocket> sockets = new ConcurrentHashMap<>();
    private final LongSupplier nanoClock;

    DomainDirectory(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** Now, in {@link System#nanoTime()}'s terms. */
    long nanoTime() {
        return nanoClock.getAsLong();
    }

    /** True when {@code socket} now holds {@code domain}; false when another socket does. */
    boolean claim(String domain, DomainSocket socket) {
        return sockets.putIfAbsent(domain, socket) == null;
    }

    /** Frees the domain, unless it is already held by another socket. */
    void release(String domain, DomainSocket socket) {
        sockets.remove(domain, socket);
    }

    boolean isTaken(String domain) {
        return sockets.containsKey(domain);
    }

    Optional<DomainSocket> find(String domain) {
        return Optional.ofNullable(sockets.get(domain));
    }

    int size() {
        return sockets.size();
    }
}
