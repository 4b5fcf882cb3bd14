/**
 * ICE-lite (RFC 8445 §2.5, always controlled) on one UDP port shared by every WebRTC transport.
 *
 * <p>{@link dev.hongyan.media.ice.IceServer} owns the port: it answers STUN Binding requests, finds the
 * transport by the local ufrag in USERNAME, and afterwards routes every DTLS/RTP/RTCP datagram by its
 * remote address to that {@link dev.hongyan.media.ice.IceTransport}. Consent freshness follows RFC 7675;
 * demultiplexing by first byte follows RFC 7983 ({@link dev.hongyan.media.ice.PacketClass}).
 */
package dev.hongyan.media.ice;
