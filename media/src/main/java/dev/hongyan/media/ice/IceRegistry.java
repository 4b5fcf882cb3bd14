package dev.hongyan.media.ice;

import java.net.InetSocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The two lookups of the shared port: local ufrag → transport (for STUN), remote address → tuple (for
 * everything else). Concurrent maps because transports are created, restarted and closed from any thread
 * while the event loops read them lock-free on every packet.
 */
final class IceRegistry {
    private final ConcurrentHashMap<String, IceTransport> byUfrag = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<InetSocketAddress, IceTuple> byAddress = new ConcurrentHashMap<>();
    private final Set<IceTransport> transports = ConcurrentHashMap.newKeySet();

    IceTransport transportForUfrag(String ufrag) {
        return byUfrag.get(ufrag);
    }

    IceTuple tupleFor(InetSocketAddress remote) {
        return byAddress.get(remote);
    }

    /** Draws credentials until the ufrag is unused, and claims it for {@code owner}. */
    IceParameters claimNewUfrag(IceTransport owner, Supplier<IceParameters> generator) {
        while (true) {
            IceParameters p = generator.get();
            if (byUfrag.putIfAbsent(p.usernameFragment(), owner) == null) {
                return p;
            }
        }
    }

    void releaseUfrag(String ufrag, IceTransport owner) {
        byUfrag.remove(ufrag, owner);
    }

    /** Maps the tuple's address to it; returns the tuple it displaced (another transport's), or null. */
    IceTuple bindTuple(IceTuple tuple) {
        IceTuple previous = byAddress.put(tuple.remote, tuple);
        return previous == tuple ? null : previous;
    }

    void unbindTuple(IceTuple tuple) {
        byAddress.remove(tuple.remote, tuple);
    }

    void add(IceTransport transport) {
        transports.add(transport);
    }

    void remove(IceTransport transport) {
        transports.remove(transport);
    }

    Iterable<IceTransport> transports() {
        return transports;
    }

    java.util.List<IceTransport> snapshot() {
        return java.util.List.copyOf(transports);
    }

    int transportCount() {
        return transports.size();
    }
}
