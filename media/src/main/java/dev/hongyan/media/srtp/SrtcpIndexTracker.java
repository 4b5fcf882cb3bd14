package dev.hongyan.media.srtp;

/**
 * Per-SSRC SRTCP index state. Outbound it is the next index to send (RFC 3711 §3.4: starts at 0,
 * 31 bits); inbound it is the replay window over received indices.
 */
final class SrtcpIndexTracker {
    private static final int INDEX_MASK = 0x7FFFFFFF;

    private final ReplayWindow window;
    private int next;

    SrtcpIndexTracker(ReplayWindow window) {
        this.window = window;
    }

    int takeNext() {
        int index = next;
        next = (next + 1) & INDEX_MASK;
        return index;
    }

    void setNext(int index) {
        next = index & INDEX_MASK;
    }

    boolean isFresh(int index) {
        return window.isFresh(index);
    }

    void accept(int index) {
        window.accept(index);
    }
}
