/**
 * A minimal WebRTC endpoint over loopback UDP, built from the engine's own stun, dtls and srtp layers:
 * a controlling ICE agent that nominates the engine's candidate, a DTLS endpoint with its own
 * certificate, and SRTP. It stands in for a browser in the end-to-end tests and in the forwarding
 * benchmark; it is not meant for production traffic.
 */
package dev.hongyan.media.loopback;
