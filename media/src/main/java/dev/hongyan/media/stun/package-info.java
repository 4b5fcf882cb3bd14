/**
 * STUN message codec (RFC 8489, RFC 5389): parse and serialize Binding messages with the attributes
 * ICE needs, and check MESSAGE-INTEGRITY (HMAC-SHA1, short-term credentials) and FINGERPRINT.
 * Knows nothing of sockets or ICE state; {@code media.ice} builds on it.
 */
package dev.hongyan.media.stun;
