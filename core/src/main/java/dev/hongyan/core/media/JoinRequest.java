package dev.hongyan.core.media;

import dev.hongyan.media.ortc.RtpCapabilities;

/**
 * Joining the room's media: who the peer is and what it can receive.
 *
 * @param rtpCapabilities null for a peer that will not consume (nothing is sent to it)
 */
public record JoinRequest(String displayName, PeerDevice device, RtpCapabilities rtpCapabilities) {

    public JoinRequest {
        device = device == null ? PeerDevice.UNKNOWN : device;
    }
}
