package dev.hongyan.core.media;

import dev.hongyan.media.ConsumerLayers;
import dev.hongyan.media.ConsumerScore;
import dev.hongyan.media.ProducerScore;
import dev.hongyan.media.bwe.BweTraceInfo;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * What the room tells one peer, in protocol-neutral terms; each gateway renders it (protoo's
 * notifications and requests now, native {@code media::*} signals later). Called on the room's executor,
 * in the order things happened in the room; implementations must not block.
 */
public interface MediaPeerListener {

    /** Another peer joined. */
    void peerJoined(PeerInfo peer);

    /** A joined peer left or was closed. */
    void peerLeft(String peerId);

    void peerDisplayNameChanged(String peerId, String displayName, String oldDisplayName);

    /**
     * A paused consumer was made for this peer. Complete the future once the client is ready to receive
     * (the room then resumes the consumer); fail it when the client refused or did not answer (the
     * consumer stays paused, as mediasoup-demo leaves it).
     */
    CompletableFuture<?> newConsumer(ConsumerOffer offer);

    /** The consumer's producer closed, so the consumer did. Not said when the peer's own transport closed. */
    void consumerClosed(String consumerId);

    /** The producer behind the consumer was paused by its owner. */
    void consumerPaused(String consumerId);

    void consumerResumed(String consumerId);

    void consumerScore(String consumerId, ConsumerScore score);

    /** Null layers: nothing is forwarded now. */
    void consumerLayersChanged(String consumerId, ConsumerLayers layers);

    /**
     * Who speaks loudest in the room (the room's audio level observer, every 800 ms while anyone does).
     *
     * @param peerId the loudest producer's owner, or null when silent or when the producer has no owner id
     * @param volume its average level in dBov (-127..0), or null for silence (said once per silence)
     */
    void activeSpeaker(String peerId, Integer volume);

    /** One of this peer's producers' scores. */
    void producerScore(String producerId, List<ProducerScore> score);

    /**
     * The engine's estimate of the path to this peer (its consuming transport's {@code bwe} trace,
     * direction out): every ~2 s, or sooner on a large change, once the peer's feedback gives one.
     * mediasoup-demo's {@code downlinkBwe}. A gateway whose protocol has no such message ignores it.
     */
    default void downlinkBwe(BweTraceInfo bwe) {}

    /**
     * The room closed this peer ({@link CloseReason#LEFT} is never passed here): the gateway should close
     * the connection in its protocol's way.
     */
    void closed(CloseReason reason);
}
