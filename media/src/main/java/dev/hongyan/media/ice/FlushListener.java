package dev.hongyan.media.ice;

/**
 * Hears, on the socket's event loop, that every datagram queued on that loop has been handed to the
 * kernel. Sends made while a read batch is handled are queued and written together; this is when they
 * actually left, which is what a forwarding-latency figure has to end at.
 */
@FunctionalInterface
public interface FlushListener {
    FlushListener NONE = nanoTime -> { };

    /** {@code nanoTime} is System.nanoTime() taken right after the write returned. */
    void onFlushed(long nanoTime);
}
