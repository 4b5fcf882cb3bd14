package dev.hongyan.media;

import java.util.Map;

/**
 * mediasoup's {@code AudioLevelObserverOptions}.
 *
 * @param maxEntries at most this many producers in a {@code volumes} event, loudest first
 * @param threshold  dBov (-127..0): a producer whose average over the interval is below it does not count
 * @param interval   milliseconds over which levels are averaged; one event at most per interval
 * @param appData    free application data
 */
public record AudioLevelObserverOptions(int maxEntries, int threshold, int interval, Map<String, Object> appData) {

    public AudioLevelObserverOptions {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        if (threshold < -127 || threshold > 0) {
            throw new IllegalArgumentException("threshold must be -127..0 dBov");
        }
        if (interval < 250) {
            // Fewer than ~12 audio packets (20 ms each) would be too few to average.
            throw new IllegalArgumentException("interval must be at least 250 ms");
        }
        appData = appData == null ? Map.of() : Map.copyOf(appData);
    }

    /** mediasoup's defaults: one entry, -80 dBov, 1000 ms. */
    public static AudioLevelObserverOptions defaults() {
        return new AudioLevelObserverOptions(1, -80, 1000, Map.of());
    }
}
