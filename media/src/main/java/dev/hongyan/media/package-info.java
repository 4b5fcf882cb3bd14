/**
 * The SFU media engine, in mediasoup's object model and names. Knows nothing of signaling.
 *
 * <p>{@link dev.hongyan.media.MediaEngine} (mediasoup's Worker + WebRtcServer) →
 * {@link dev.hongyan.media.Router} → {@link dev.hongyan.media.WebRtcTransport} →
 * {@link dev.hongyan.media.Producer} / {@link dev.hongyan.media.Consumer}, and the router's
 * {@link dev.hongyan.media.AudioLevelObserver}. Options and results are records
 * whose JSON (Jackson) is mediasoup's; events are per-object listener interfaces.
 *
 * <p>Threading: one event loop per engine runs every state change and packet of that engine; see
 * {@link dev.hongyan.media.MediaEngine}. Packet-level building blocks (receive/send stream state,
 * rewriting, buffers) live in {@code dev.hongyan.media.forwarding}; the protocol layers below in
 * {@code stun, ice, dtls, srtp, rtp, rtcp, ortc}.
 */
package dev.hongyan.media;
