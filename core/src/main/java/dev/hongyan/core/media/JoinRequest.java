package dev.hongyan.core.media;

import dev.hongyan.core.error.Require;
import dev.hongyan.media.ortc.RtpCapabilities;

/**
 * Joining the room's media: who the peer is and what it can receive. Every other member is told the
 * display name and device, so their lengths are capped.
 *
 * @param rtpCapabilities null for a peer that will not consume (nothing is sent to it)
 */
public record JoinRequest(String displayName, PeerDevice device, RtpCapabilities rtpCapabilities) {

    /** Longest display name, in characters (also for {@link MediaPeer#changeDisplayName}). */
    public static final int MAX_DISPLAY_NAME = 256;

    public JoinRequest {
        displayName(displayName);
        device = device == null ? PeerDevice.UNKNOWN : device;
    }

    /** Checks a display name (null allowed) against {@link #MAX_DISPLAY_NAME}; answers it unchanged. */
    public static String displayName(String displayName) {
        return Require.maxLength(displayName, "displayName", MAX_DISPLAY_NAME);
    }
}
