package dev.hongyan.media;

import dev.hongyan.media.ortc.MediaKind;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's AudioLevelObserver: watches the audio level (RFC 6464 ssrc-audio-level header extension,
 * 0..127 -dBov) of the audio producers added to it and, every interval, reports the loudest of them.
 *
 * <p>Each interval a producer's level is the average over the packets it sent in that interval, as dBov
 * (the extension's value negated). Producers at or above the threshold are reported in {@code volumes},
 * loudest first, at most {@code maxEntries}; when none is, {@code silence} is reported once, and again only
 * after some {@code volumes}. A producer needs {@link #MIN_PACKETS} packets in an interval to count: a
 * stream in DTX sends a comfort-noise packet now and then, which says nothing about anyone speaking.
 * Packets of a paused producer are not looked at.
 *
 * <p>Runs on the engine's loop, its timer included. Closed with its router; a closed producer leaves it.
 */
public final class AudioLevelObserver {

    /** Events on the engine's loop. */
    public interface Listener {
        /** The loudest producers of the last interval, loudest first. */
        default void onVolumes(List<AudioLevelObserverVolume> volumes) {}

        /** No producer reached the threshold in the last interval (said once per silence). */
        default void onSilence() {}

        default void onPause() {}

        default void onResume() {}

        /** The router closed under it; {@link #onClose()} follows. */
        default void onRouterClose() {}

        default void onClose() {}
    }

    /** Packets a producer must have sent in an interval for its level to count. */
    static final int MIN_PACKETS = 10;

    /** One observed producer's levels in the current interval; the producer adds to it from its packet path. */
    static final class Entry {
        final Producer producer;
        private long sum;
        private int count;

        Entry(Producer producer) {
            this.producer = producer;
        }

        void add(int level) {
            sum += level;
            count++;
        }
    }

    private final String id = UUID.randomUUID().toString();
    private final MediaEngine engine;
    private final Router router;
    private final AudioLevelObserverOptions options;
    private final Lifecycle<Listener> lifecycle = new Lifecycle<>(Listener::onClose);
    private final List<Entry> entries = new ArrayList<>(); // loop-confined
    private final ScheduledFuture<?> timer;
    private final PauseState pauseState = new PauseState(false); // created running, like mediasoup's
    private boolean silence = true;

    AudioLevelObserver(MediaEngine engine, Router router, AudioLevelObserverOptions options) {
        this.engine = engine;
        this.router = router;
        this.options = options;
        this.timer = engine.scheduleEvery(options.interval(), this::update);
    }

    public String id() {
        return id;
    }

    public AudioLevelObserverOptions options() {
        return options;
    }

    public Map<String, Object> appData() {
        return options.appData();
    }

    public boolean paused() {
        return pauseState.paused();
    }

    public boolean closed() {
        return lifecycle.closed();
    }

    /** Watches an audio producer of the same router; adding it twice changes nothing. */
    public CompletableFuture<Void> addProducer(String producerId) {
        return engine.loop().run(() -> {
            requireOpen();
            Producer producer = producerOf(producerId);
            if (producer.kind() != MediaKind.AUDIO) {
                throw new IllegalArgumentException("not an audio producer: " + producerId);
            }
            if (find(producer) != null) {
                return;
            }
            Entry entry = new Entry(producer);
            entries.add(entry);
            producer.addAudioLevelEntry(entry);
        });
    }

    /** Stops watching a producer of the router; one not watched changes nothing. */
    public CompletableFuture<Void> removeProducer(String producerId) {
        return engine.loop().run(() -> {
            requireOpen();
            remove(producerOf(producerId));
        });
    }

    /** Stops looking at levels and reporting until {@link #resume()}. */
    public CompletableFuture<Void> pause() {
        return engine.loop().run(() -> {
            if (!pauseState.set(true, lifecycle)) {
                return;
            }
            lifecycle.fire(Listener::onPause);
        });
    }

    public CompletableFuture<Void> resume() {
        return engine.loop().run(() -> {
            if (!pauseState.set(false, lifecycle)) {
                return;
            }
            lifecycle.fire(Listener::onResume);
        });
    }

    /** Closes the observer. Idempotent. */
    public CompletableFuture<Void> close() {
        return engine.loop().run(() -> lifecycle.close(this::release, null));
    }

    public void addListener(Listener listener) {
        lifecycle.add(listener);
    }

    // ---- loop-confined internals ----

    void closeFromRouter() {
        lifecycle.close(this::release, Listener::onRouterClose);
    }

    private void release() {
        timer.cancel(false);
        for (Entry e : entries) {
            e.producer.removeAudioLevelEntry(e);
        }
        entries.clear();
        router.audioLevelObserverClosed(this);
    }

    /** A producer of the router closed: it is no longer observed (and its entry gone with it). */
    void producerClosed(Producer producer) {
        remove(producer);
    }

    /**
     * The end of an interval: reports and starts the next one. Package-private so tests can end an
     * interval when they choose rather than race the timer.
     */
    void update() {
        if (closed()) {
            return;
        }
        List<AudioLevelObserverVolume> loud = new ArrayList<>();
        for (Entry e : entries) {
            if (!pauseState.paused() && e.count >= MIN_PACKETS) {
                int volume = -(int) Math.round((double) e.sum / e.count);
                if (volume >= options.threshold()) {
                    loud.add(new AudioLevelObserverVolume(e.producer, volume));
                }
            }
            e.sum = 0;
            e.count = 0;
        }
        if (pauseState.paused()) {
            return;
        }
        if (!loud.isEmpty()) {
            loud.sort(Comparator.comparingInt(AudioLevelObserverVolume::volume).reversed());
            List<AudioLevelObserverVolume> volumes =
                    List.copyOf(loud.subList(0, Math.min(loud.size(), options.maxEntries())));
            silence = false;
            lifecycle.fire(l -> l.onVolumes(volumes));
        } else if (!silence) {
            silence = true;
            lifecycle.fire(Listener::onSilence);
        }
    }

    private void remove(Producer producer) {
        Entry entry = find(producer);
        if (entry != null) {
            entries.remove(entry);
            producer.removeAudioLevelEntry(entry);
        }
    }

    private Entry find(Producer producer) {
        for (Entry e : entries) {
            if (e.producer == producer) {
                return e;
            }
        }
        return null;
    }

    private Producer producerOf(String producerId) {
        Producer producer = producerId == null ? null : router.producer(producerId);
        if (producer == null || producer.closed()) {
            throw new IllegalArgumentException("producer not found: " + producerId);
        }
        return producer;
    }

    private void requireOpen() {
        lifecycle.requireOpen("audio level observer");
    }
}
