package dev.hongyan.core.media;

import static org.assertj.core.api.Assertions.fail;

import dev.hongyan.media.ConsumerLayers;
import dev.hongyan.media.ConsumerScore;
import dev.hongyan.media.ProducerScore;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A MediaPeerListener that records every event, for assertions; accepts consumer offers unless told not to. */
final class RecordingPeer implements MediaPeerListener {

    record Event(String type, Object value) {}

    final List<Event> events = new CopyOnWriteArrayList<>();
    final List<ConsumerOffer> offers = new CopyOnWriteArrayList<>();
    volatile boolean acceptOffers = true;

    @Override
    public void peerJoined(PeerInfo peer) {
        events.add(new Event("peerJoined", peer));
    }

    @Override
    public void peerLeft(String peerId) {
        events.add(new Event("peerLeft", peerId));
    }

    @Override
    public void peerDisplayNameChanged(String peerId, String displayName, String oldDisplayName) {
        events.add(new Event("peerDisplayNameChanged", List.of(peerId, displayName, String.valueOf(oldDisplayName))));
    }

    @Override
    public CompletableFuture<?> newConsumer(ConsumerOffer offer) {
        offers.add(offer);
        events.add(new Event("newConsumer", offer));
        return acceptOffers ? CompletableFuture.completedFuture(null)
                : CompletableFuture.failedFuture(new IllegalStateException("I do not want to consume"));
    }

    @Override
    public void consumerClosed(String consumerId) {
        events.add(new Event("consumerClosed", consumerId));
    }

    @Override
    public void consumerPaused(String consumerId) {
        events.add(new Event("consumerPaused", consumerId));
    }

    @Override
    public void consumerResumed(String consumerId) {
        events.add(new Event("consumerResumed", consumerId));
    }

    @Override
    public void consumerScore(String consumerId, ConsumerScore score) {
        events.add(new Event("consumerScore", consumerId));
    }

    @Override
    public void consumerLayersChanged(String consumerId, ConsumerLayers layers) {
        events.add(new Event("consumerLayersChanged", consumerId));
    }

    @Override
    public void activeSpeaker(String peerId, Integer volume) {
        events.add(new Event("activeSpeaker", volume == null ? "silence" : peerId + "=" + volume));
    }

    @Override
    public void producerScore(String producerId, List<ProducerScore> score) {
        events.add(new Event("producerScore", producerId));
    }

    @Override
    public void closed(CloseReason reason) {
        events.add(new Event("closed", reason));
    }

    Event await(String type, Predicate<Object> match) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            for (Event event : events) {
                if (event.type().equals(type) && match.test(event.value())) {
                    return event;
                }
            }
            sleep(10);
        }
        return fail("no %s event; got %s", type, events);
    }

    Event await(String type, Object value) {
        return await(type, value::equals);
    }

    ConsumerOffer awaitOffer(String producerId) {
        return (ConsumerOffer) await("newConsumer", v -> ((ConsumerOffer) v).producerId().equals(producerId)).value();
    }

    /** The values of the events of that type recorded so far. */
    List<Object> of(String type) {
        return events.stream().filter(e -> e.type().equals(type)).map(Event::value).toList();
    }

    /**
     * True when no such event arrived within a short while: for events that would come back from the engine,
     * which a test cannot wait for as it can for the room's own turn.
     */
    boolean none(String type) {
        sleep(200);
        return events.stream().noneMatch(e -> e.type().equals(type));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
