package dev.hongyan.media;

/**
 * The paused flag of a producer, consumer or audio level observer. It changes on the engine's loop only, and
 * only while its owner is open; {@link #paused()} may be read from any thread.
 */
final class PauseState {
    private volatile boolean paused;

    PauseState(boolean paused) {
        this.paused = paused;
    }

    boolean paused() {
        return paused;
    }

    /**
     * Sets the flag unless the owner is closed or the flag already has that value; true when it changed, and
     * then the caller does what pausing or resuming means for it (once: a repeated pause does nothing).
     */
    boolean set(boolean pause, Lifecycle<?> owner) {
        if (owner.closed() || paused == pause) {
            return false;
        }
        paused = pause;
        return true;
    }
}
