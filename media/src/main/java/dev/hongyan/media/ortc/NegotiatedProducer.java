package dev.hongyan.media.ortc;

/**
 * Everything the router derives from a {@code produce} request.
 *
 * @param rtpParameters the producer's parameters as kept by the router (defaults filled, H264
 *     profile-level-id negotiated)
 * @param consumableRtpParameters the template every consumer of this producer is cut from
 */
public record NegotiatedProducer(
    MediaKind kind,
    ProducerType type,
    RtpParameters rtpParameters,
    RtpMapping rtpMapping,
    RtpParameters consumableRtpParameters,
    ProducerRtpInfo info) {}
