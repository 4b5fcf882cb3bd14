/**
 * mediasoup-demo v3's signaling (protoo over WebSocket), so the demo app, mediasoup-client apps and
 * protoo-client tools work against Hongyan unchanged. See {@code shared/reference/mediasoup-demo-reference.md}
 * §1–§3; the wire behaviour follows mediasoup {@value dev.hongyan.gateway.protoo.ProtooGateway#MEDIASOUP_VERSION}'s demo.
 *
 * <p>{@link dev.hongyan.gateway.protoo.ProtooGateway} is the endpoint ({@code /}, any unclaimed path,
 * subprotocol {@code protoo}, {@code ?roomId=&peerId=}); each request method has one handler with a typed
 * body; the room's rules live in {@code dev.hongyan.core.media}, which protoo peers share with every other
 * kind of member.
 *
 * <p>Deliberate differences from the demo, until the engine grows the missing parts:
 * <ul>
 *   <li>No data channels (no SCTP): {@code createWebRtcTransport} with {@code sctpCapabilities} succeeds
 *       without {@code sctpParameters}; {@code produceData} is refused with "not supported yet";
 *       {@code getDataProducerStats}/{@code getDataConsumerStats} answer "not found"; no
 *       {@code newDataConsumer}, no chat/bot.</li>
 *   <li>No {@code activeSpeaker} (no audio-level observer yet). {@code downlinkBwe} is sent as the demo
 *       does, from the consuming transport's {@code bwe} trace; the estimate does not choose layers yet.</li>
 *   <li>{@code forceTcp} is ignored (one UDP port, no ICE-TCP); {@code consumerReplicas} is ignored.</li>
 *   <li>{@code applyNetworkThrottle}/{@code resetNetworkThrottle}: 403 "operation NOT allowed" unless
 *       {@code protoo.networkThrottleSecret} matches, and then still refused (500): we never run {@code tc}.</li>
 *   <li>Acting on another peer's producer gets 403 "... belongs to another peer" (the demo says "not found");
 *       bad {@code rtpCapabilities} in {@code join} are refused instead of silently consuming nothing.</li>
 *   <li>A same-peerId reconnect never closes the room (the demo's quirk Q5).</li>
 * </ul>
 */
package dev.hongyan.gateway.protoo;
