package dev.hongyan.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifecycleTest {
    interface Listener {
        default void onParentClose() {}

        default void onClose() {}
    }

    private final List<String> events = new ArrayList<>();
    private final Lifecycle<Listener> lifecycle = new Lifecycle<>(Listener::onClose);

    private Listener recorder(String name) {
        return new Listener() {
            @Override
            public void onParentClose() {
                events.add(name + ":parentclose");
            }

            @Override
            public void onClose() {
                events.add(name + ":close");
            }
        };
    }

    @Test
    void releasesThenFiresTheCauseThenOnClose() {
        lifecycle.add(recorder("a"));
        lifecycle.close(() -> events.add("release"), Listener::onParentClose);
        assertThat(events).containsExactly("release", "a:parentclose", "a:close");
        assertThat(lifecycle.closed()).isTrue();
    }

    @Test
    void closedDirectlyFiresOnlyOnClose() {
        lifecycle.add(recorder("a"));
        lifecycle.close(() -> events.add("release"), null);
        assertThat(events).containsExactly("release", "a:close");
    }

    @Test
    void closesOnce() {
        lifecycle.add(recorder("a"));
        lifecycle.close(() -> events.add("release"), null);
        lifecycle.close(() -> events.add("release again"), Listener::onParentClose);
        assertThat(events).containsExactly("release", "a:close");
    }

    @Test
    void isClosedWhileReleasingSoAReentrantCloseDoesNothing() {
        lifecycle.add(recorder("a"));
        lifecycle.close(() -> {
            events.add("release closed=" + lifecycle.closed());
            lifecycle.close(() -> events.add("reentered"), Listener::onParentClose);
        }, null);
        assertThat(events).containsExactly("release closed=true", "a:close");
    }

    @Test
    void dropsTheListenersOnceClosed() throws ReflectiveOperationException {
        lifecycle.add(recorder("a"));
        lifecycle.close(() -> {}, null);
        assertThat(ListenersTest.of(lifecycle).isEmpty()).isTrue();
        lifecycle.fire(Listener::onClose);
        assertThat(events).containsExactly("a:close");
    }

    @Test
    void aFailingListenerSpoilsNothing() throws ReflectiveOperationException {
        lifecycle.add(new Listener() {
            @Override
            public void onParentClose() {
                throw new IllegalStateException("cause listener fails");
            }

            @Override
            public void onClose() {
                throw new IllegalStateException("close listener fails");
            }
        });
        lifecycle.add(recorder("b"));
        lifecycle.close(() -> {}, Listener::onParentClose);
        assertThat(events).containsExactly("b:parentclose", "b:close");
        assertThat(ListenersTest.of(lifecycle).isEmpty()).isTrue();
    }

    @Test
    void refusesOperationsOnceClosed() {
        lifecycle.requireOpen("router");
        lifecycle.close(() -> {}, null);
        assertThatThrownBy(() -> lifecycle.requireOpen("router"))
                .isInstanceOf(IllegalStateException.class).hasMessage("router closed");
    }

    @Test
    void pauseStateChangesOnlyWhileOpenAndOnlyOnce() {
        PauseState state = new PauseState(false);
        assertThat(state.set(false, lifecycle)).as("resume while not paused").isFalse();
        assertThat(state.set(true, lifecycle)).isTrue();
        assertThat(state.paused()).isTrue();
        assertThat(state.set(true, lifecycle)).as("a second pause does nothing").isFalse();
        assertThat(state.set(false, lifecycle)).isTrue();
        assertThat(state.paused()).isFalse();
        lifecycle.close(() -> {}, null);
        assertThat(state.set(true, lifecycle)).as("closed: no change").isFalse();
        assertThat(state.paused()).isFalse();
        assertThat(new PauseState(true).paused()).as("created paused").isTrue();
    }
}
