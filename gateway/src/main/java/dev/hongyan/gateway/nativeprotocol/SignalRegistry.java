package dev.hongyan.gateway.nativeprotocol;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Signal name → handler. Refuses a second handler for a name, so wiring mistakes fail at start. */
public final class SignalRegistry {

    private final Map<String, SignalHandler<?>> handlers = new TreeMap<>();

    public SignalRegistry register(SignalHandler<?> handler) {
        String signal = handler.spec().signal();
        if (handlers.putIfAbsent(signal, handler) != null) {
            throw new IllegalStateException("two handlers for signal " + signal);
        }
        return this;
    }

    public Optional<SignalHandler<?>> find(String signal) {
        return Optional.ofNullable(handlers.get(signal));
    }

    /** Every handler, ordered by signal name. */
    public Collection<SignalHandler<?>> all() {
        return Collections.unmodifiableCollection(handlers.values());
    }
}
