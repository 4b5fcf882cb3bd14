package dev.hongyan.media;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An object's listeners. Added from any thread, called on the loop; one failing listener spoils nothing. */
final class Listeners<L> {
    private static final Logger log = LoggerFactory.getLogger(Listeners.class);
    private final List<L> list = new CopyOnWriteArrayList<>();

    void add(L listener) {
        list.add(java.util.Objects.requireNonNull(listener, "listener"));
    }

    /** Drops every listener: called once the owner has fired its close event, so none outlives it. */
    void clear() {
        list.clear();
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    void fire(Consumer<L> event) {
        for (L l : list) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                log.warn("media listener failed", e);
            }
        }
    }
}
