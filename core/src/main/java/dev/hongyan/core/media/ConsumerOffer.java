package dev.hongyan.core.media;

import dev.hongyan.media.ortc.ConsumerType;
import dev.hongyan.media.ortc.MediaKind;
import dev.hongyan.media.ortc.RtpParameters;
import java.util.Map;

/**
 * A consumer the room made for a peer, paused, waiting for the peer to set up its side (mediasoup-demo's
 * {@code newConsumer}). {@code appData} is the producer's, with the producing peer's id.
 */
public record ConsumerOffer(String peerId, String producerId, String id, MediaKind kind, RtpParameters rtpParameters,
        ConsumerType type, Map<String, Object> appData, boolean producerPaused) {}
