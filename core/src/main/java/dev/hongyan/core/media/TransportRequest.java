package dev.hongyan.core.media;

/**
 * A WebRTC transport a peer asks for.
 *
 * @param producing the peer will send on it
 * @param consuming the peer will receive on it: consumers for this peer are made on the first such transport
 * @param forceTcp  ICE over TCP only. The engine has UDP only; the flag is kept (and ignored) so that
 *                  clients asking for it still connect when UDP works
 * @param sctp      the peer asked for data channels. There is no SCTP yet: the transport is made
 *                  without it, and {@code sctpParameters} stays absent
 */
public record TransportRequest(boolean producing, boolean consuming, boolean forceTcp, boolean sctp) {}
