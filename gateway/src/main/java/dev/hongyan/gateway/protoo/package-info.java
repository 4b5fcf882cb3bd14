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
 * <p>Notifications sent as the demo sends them: {@code mediasoup-version}, {@code newPeer}, {@code peerClosed},
 * {@code peerDisplayNameChanged}, {@code producerScore}, {@code consumerScore}, {@code consumerClosed},
 * {@code consumerPaused}, {@code consumerResumed}, {@code consumerLayersChanged} (the spatial and the temporal
 * layer actually forwarded) and {@code activeSpeaker} (every room's audio level observer: the loudest audio
 * producer over 800 ms at -80 dBov or above, {@code {peerId, volume}}, or {@code {peerId: null}} once when
 * all are quiet; no {@code peerId} key for a producer without {@code appData.peerId}, quirk Q4).
 *
 * <p>Deliberate differences from the demo, until the engine grows the missing parts:
 * <ul>
 *   <li>No data channels (no SCTP): {@code createWebRtcTransport} with {@code sctpCapabilities} succeeds
 *       without {@code sctpParameters}; {@code produceData} is refused with "not supported yet";
 *       {@code getDataProducerStats}/{@code getDataConsumerStats} answer "not found"; no
 *       {@code newDataConsumer}, no chat/bot.</li>
 *   <li>The ActiveSpeakerObserver's {@code dominantspeaker} is not there (the demo only logs it).
 *       {@code downlinkBwe} is sent as the demo does, from the consuming transport's {@code bwe} trace, whose
 *       estimate also chooses simulcast layers, shared by {@code setConsumerPriority}.</li>
 *   <li>{@code forceTcp} is ignored (one UDP port, no ICE-TCP); {@code consumerReplicas} is ignored.</li>
 *   <li>{@code applyNetworkThrottle}/{@code resetNetworkThrottle}: 403 "operation NOT allowed" unless
 *       {@code protoo.networkThrottleSecret} matches, and then still refused (500): we never run {@code tc}.</li>
 *   <li>Acting on another peer's producer gets 403 "... belongs to another peer" (the demo says "not found");
 *       bad {@code rtpCapabilities} in {@code join} are refused instead of silently consuming nothing.</li>
 *   <li>A same-peerId reconnect never closes the room (the demo's quirk Q5).</li>
 * </ul>
 */
package dev.hongyan.gateway.protoo;
