/**
 * DTLS 1.2 for WebRTC (DTLS-SRTP, RFC 5763/5764) on BouncyCastle bctls.
 *
 * <p>{@link dev.hongyan.media.dtls.DtlsContext} is created once per engine and owns the certificate, the
 * crypto and the threads; it makes one {@link dev.hongyan.media.dtls.DtlsTransport} per WebRTC transport.
 * A transport is fed DTLS datagrams by the ICE layer, sends through a callback, and reports SRTP keys,
 * failure and closure to a {@link dev.hongyan.media.dtls.DtlsListener}. This package knows nothing of ICE,
 * SRTP or signaling.
 */
package dev.hongyan.media.dtls;
