/**
 * SRTP and SRTCP (RFC 3711) with the AES-CM/HMAC-SHA1 profiles and the AES-GCM AEAD profiles of
 * RFC 7714, built on JCE.
 *
 * <p>The engine uses {@link dev.hongyan.media.srtp.SrtpSession}: one per transport, keyed from the
 * DTLS exporter through {@link dev.hongyan.media.srtp.SrtpKeyingMaterial}. Every method works in
 * place on the caller's buffer and reports failure with a negative {@link
 * dev.hongyan.media.srtp.SrtpError} code instead of an exception, because a bad packet from the
 * network is routine, not exceptional.
 *
 * <p>Nothing here is thread-safe: a transport's packets are handled on the single event loop that
 * owns its socket, so the cipher instances and per-SSRC state are deliberately unsynchronized.
 */
package dev.hongyan.media.srtp;
