package dev.hongyan.core.client;

import java.util.function.Function;

/**
 * A message from the server to clients, in protocol-neutral terms: the native signal name (the
 * richest vocabulary we speak) and a body that gateways serialise. A fan-out to thousands of clients
 * renders the text once per gateway: the first render is cached here.
 */
public final class Notification {

    private final String signal;
    private final Object body;
    private final boolean droppable;
    private final RenderedText rendered = new RenderedText();

    private Notification(String signal, Object body, boolean droppable) {
        this.signal = signal;
        this.body = body;
        this.droppable = droppable;
    }

    public static Notification of(String signal, Object body) {
        return new Notification(signal, body, false);
    }

    /**
     * A notification that may be skipped for a client whose outbound buffer is backing up (presence
     * storms): losing one is better than cutting the client as a slow reader.
     */
    public static Notification droppable(String signal, Object body) {
        return new Notification(signal, body, true);
    }

    public String signal() {
        return signal;
    }

    public Object body() {
        return body;
    }

    public boolean isDroppable() {
        return droppable;
    }

    /** The text {@code renderer} makes of this notification, computed once per renderer. */
    public String render(Object renderer, Function<Notification, String> render) {
        return rendered.get(renderer, () -> render.apply(this));
    }
}
