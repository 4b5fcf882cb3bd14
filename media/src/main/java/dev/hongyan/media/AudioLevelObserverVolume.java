package dev.hongyan.media;

/**
 * One entry of an {@link AudioLevelObserver}'s {@code volumes} event.
 *
 * @param volume the producer's average audio level over the interval, in dBov (-127 silence .. 0 loudest)
 */
public record AudioLevelObserverVolume(Producer producer, int volume) {}
