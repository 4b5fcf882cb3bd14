/**
 * RTP (RFC 3550) packets as views over the receive buffer, header extensions (RFC 8285) and the
 * ones the SFU reads or writes, RTX (RFC 4588), codec payload descriptors for keyframe and layer
 * detection (VP8, VP9, H264), and sequence-number arithmetic.
 *
 * <p>Views are mutable and not thread-safe; they are meant to be reused on one event loop.
 */
package dev.hongyan.media.rtp;
