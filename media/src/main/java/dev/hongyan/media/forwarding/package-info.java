/**
 * Packet-level building blocks of the engine's forwarding path, free of the object model so they can be
 * tested with plain packets: receive-stream statistics and NACK bookkeeping ({@link
 * dev.hongyan.media.forwarding.RtpStreamRecv}), send-stream statistics ({@link
 * dev.hongyan.media.forwarding.RtpStreamSend}), sequence/timestamp rewriting with continuity ({@link
 * dev.hongyan.media.forwarding.SeqRewriter}), the packet store and send history that answer NACKs,
 * header-extension rewriting, keyframe-request coalescing, and a latency histogram.
 *
 * <p>Nothing here is thread-safe: everything runs on the engine's one event loop, which is what lets the
 * hot path avoid locks and allocation.
 */
package dev.hongyan.media.forwarding;
