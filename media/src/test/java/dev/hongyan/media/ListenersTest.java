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

    /** The listeners of an engine object (its private {@code listeners} field). */
    static Listeners<?> of(Object owner) throws ReflectiveOperationException {
        var f = owner.getClass().getDeclaredField("listeners");
        f.setAccessible(true);
        return (Listeners<?>) f.get(owner);
    }
}
