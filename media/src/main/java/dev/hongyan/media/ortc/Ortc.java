package dev.hongyan.media.ortc;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * RTP negotiation with mediasoup's semantics and JSON shapes, so mediasoup-client and
 * libmediasoupclient accept what the router says unchanged.
 *
 * <p>Stateless apart from the random source used for SSRCs (mediasoup draws them from
 * 100000000..999999999); pass a seeded generator for reproducible tests. Thread-safe if the
 * generator is.
 */
public final class Ortc {
  static final long MIN_SSRC = 100_000_000L;
  static final long MAX_SSRC = 999_999_999L;

  private final LongSupplier ssrcs;

  public Ortc(RandomGenerator random) {
    Objects.requireNonNull(random, "random");
    this.ssrcs = () -> random.nextLong(MIN_SSRC, MAX_SSRC + 1);
  }

  /** With a {@link SecureRandom}: SSRCs should not be guessable by other peers. */
  public static Ortc create() {
    return new Ortc(new SecureRandom());
  }

  /** Router capabilities from configured media codecs (e.g. {@link DefaultMediaCodecs#get()}). */
  public RtpCapabilities generateRouterRtpCapabilities(List<RtpCodecCapability> mediaCodecs) {
    return RouterRtpCapabilities.generate(mediaCodecs);
  }

  /**
   * Validates a producer's parameters (as parsed by {@link RtpJson#parseRtpParameters}) and fills
   * mediasoup's defaults. Throws {@link OrtcException} when the router could not receive them.
   */
  public RtpParameters normalizeProducerRtpParameters(MediaKind kind, RtpParameters params) {
    return ProducerRtpNegotiation.normalize(kind, params);
  }

  /** Producer payload types and streams onto router ones, with fresh mapped SSRCs. */
  public RtpMapping getProducerRtpParametersMapping(RtpParameters params, RtpCapabilities routerCaps) {
    return ProducerRtpNegotiation.mapping(params, routerCaps, ssrcs);
  }

  public RtpParameters getConsumableRtpParameters(
      MediaKind kind, RtpParameters params, RtpCapabilities routerCaps, RtpMapping mapping) {
    return ProducerRtpNegotiation.consumable(kind, params, routerCaps, mapping);
  }

  /** All producer steps at once: normalise, map, derive consumable parameters and lookups. */
  public NegotiatedProducer negotiateProducer(
      MediaKind kind, RtpParameters params, RtpCapabilities routerCaps) {
    RtpParameters normalized = normalizeProducerRtpParameters(kind, params);
    RtpMapping mapping = getProducerRtpParametersMapping(normalized, routerCaps);
    RtpParameters adjusted = ProducerRtpNegotiation.adjusted(normalized, routerCaps, mapping);
    RtpParameters consumable = getConsumableRtpParameters(kind, adjusted, routerCaps, mapping);
    ProducerRtpInfo info = ProducerRtpInfo.of(kind, adjusted, mapping);
    return new NegotiatedProducer(kind, info.type(), adjusted, mapping, consumable, info);
  }

  public boolean canConsume(RtpParameters consumableParams, RtpCapabilities remoteCaps) {
    return ConsumerRtpNegotiation.canConsume(consumableParams, remoteCaps);
  }

  /**
   * A consumer's parameters for an endpoint with {@code remoteCaps}. The transport sets the
   * {@code mid} afterwards with {@link RtpParameters#withMid}. Throws {@link OrtcException} ("no
   * compatible media codecs") when {@link #canConsume} would be false.
   */
  public RtpParameters getConsumerRtpParameters(
      RtpParameters consumableParams, RtpCapabilities remoteCaps, boolean pipe, boolean enableRtx) {
    return ConsumerRtpNegotiation.consumerParameters(consumableParams, remoteCaps, pipe, enableRtx, ssrcs);
  }

  public RtpParameters getPipeConsumerRtpParameters(RtpParameters consumableParams, boolean enableRtx) {
    return ConsumerRtpNegotiation.pipeConsumerParameters(consumableParams, enableRtx, ssrcs);
  }
}
