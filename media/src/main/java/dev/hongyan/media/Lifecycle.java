package dev.hongyan.media;

import java.util.function.Consumer;

/**
 * The close lifecycle the engine's objects share (mediasoup's): an object closes once; it releases what it
 * holds (closes its children, tells its parent), then its listeners hear why when a parent closed under it,
 * then {@code onClose}, and are dropped so none outlives it. {@link #closed()} and {@link #add} work from any
 * thread; the rest runs on the engine's loop.
 */
final class Lifecycle<L> {
    private final Listeners<L> listeners = new Listeners<>();
    private final Consumer<L> onClose;
    private volatile boolean closed;

    /** @param onClose the owner's "closed for whatever reason" event, fired last */
    Lifecycle(Consumer<L> onClose) {
        this.onClose = onClose;
    }

    boolean closed() {
        return closed;
    }

    /** For operations a closed object refuses: throws "{@code what} closed". */
    void requireOpen(String what) {
        if (closed) {
            throw new IllegalStateException(what + " closed");
        }
    }

    void add(L listener) {
        listeners.add(listener);
    }

    void fire(Consumer<L> event) {
        listeners.fire(event);
    }

    /**
     * Closes the owner unless it is closed already. It counts as closed while {@code release} runs, so the
     * children it closes see their parent closed and a close reentering through them does nothing.
     *
     * @param release closes the owner's children and tells its parent
     * @param cause the event saying why, fired before {@code onClose}; null when the owner was closed directly
     */
    void close(Runnable release, Consumer<L> cause) {
        if (closed) {
            return;
        }
        closed = true;
        release.run();
        if (cause != null) {
            listeners.fire(cause);
        }
        listeners.fire(onClose);
        listeners.clear();
    }
}
