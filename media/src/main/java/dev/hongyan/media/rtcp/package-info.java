/**
 * RTCP compound packets (RFC 3550 §6): sender and receiver reports, SDES, BYE, and the feedback
 * messages an SFU exchanges (RFC 4585 NACK and PLI, RFC 5104 FIR, REMB, transport-wide CC).
 *
 * <p>Every packet type is a record implementing {@link dev.hongyan.media.rtcp.RtcpPacket}; it
 * marshals itself and {@link dev.hongyan.media.rtcp.RtcpCompound} parses it back. Parsing checks
 * every length against the buffer and reports bad input only as {@link
 * dev.hongyan.media.rtcp.RtcpParseException}.
 */
package dev.hongyan.media.rtcp;
