/**
 * Bandwidth estimation with transport-wide congestion control (draft-holmer-rmcat-transport-wide-cc-extensions-01),
 * in mediasoup's names.
 *
 * <p>Receive side, {@link dev.hongyan.media.bwe.TransportCongestionControlServer}: what an endpoint sends us
 * carries a transport-wide sequence number; we note each arrival and report them back in transport-cc
 * feedback about every 100 ms, so the endpoint's own (send-side) estimator can pace its encoders.
 *
 * <p>Send side, {@link dev.hongyan.media.bwe.TransportCongestionControlClient}: we stamp what we forward
 * with our own transport-wide sequence, remember when and how much we sent, and read the endpoint's
 * feedback into a {@link dev.hongyan.media.bwe.SendSideEstimator}: acknowledged bitrate, a delay-based
 * controller over the trend of the one-way delay gradient, and a loss-based controller
 * (draft-ietf-rmcat-gcc-02 §5 and §6). The result is the transport's available outgoing bitrate, which
 * the transport shares among its consumers' layers; when that allocation wants more, a
 * probe with padding can show more.
 *
 * <p>Everything here runs on the engine's event loop; times are passed in, never read from a clock, so
 * the estimators are deterministic and tested with synthetic feedback.
 */
package dev.hongyan.media.bwe;
