package dev.hongyan.core.client;

import java.util.function.Supplier;

/**
 * The text one renderer (a gateway's codec) made of an immutable value, kept on the value: a fan-out or
 * a list shows the same value to many clients, and rendering it once per renderer is enough. Safe from
 * any thread; two threads rendering at once both compute and one result is kept, which is harmless as
 * both are equal.
 */
final class RenderedText {

    private volatile Rendered rendered;

    /** The text {@code renderer} makes of the value, computed by {@code render} the first time only. */
    String get(Object renderer, Supplier<String> render) {
        Rendered cached = rendered;
        if (cached != null && cached.renderer == renderer) {
            return cached.text;
        }
        String text = render.get();
        rendered = new Rendered(renderer, text);
        return text;
    }

    private record Rendered(Object renderer, String text) {}
}
