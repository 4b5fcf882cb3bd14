package dev.hongyan.core.media;

/** Why the room closed a peer. Gateways tell the client and close its connection. */
public enum CloseReason {
    /** The same peer id connected again; the newer connection wins. */
    REPLACED,
    /** One of its transports lost ICE or failed DTLS (mediasoup-demo closes the peer then). */
    TRANSPORT_FAILED,
    /** The room's router or the media engine went away. */
    ROOM_CLOSED,
    /** The peer left (its connection closed); nothing needs telling. */
    LEFT
}
