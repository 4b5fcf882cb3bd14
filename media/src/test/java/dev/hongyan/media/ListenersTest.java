package dev.hongyan.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenersTest {
    @Test
    void clearDropsEveryListener() {
        Listeners<Runnable> l = new Listeners<>();
        List<String> calls = new ArrayList<>();
        l.add(() -> calls.add("a"));
        l.fire(Runnable::run);
        l.clear();
        assertThat(l.isEmpty()).isTrue();
        l.fire(Runnable::run);
        assertThat(calls).containsExactly("a");
    }

    /** The listeners of an engine object (those of its private {@code lifecycle}), or of a {@link Lifecycle}. */
    static Listeners<?> of(Object owner) throws ReflectiveOperationException {
        Object lifecycle = owner instanceof Lifecycle<?> ? owner : field(owner, "lifecycle");
        return (Listeners<?>) field(lifecycle, "listeners");
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        var f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
