/**
 * RTP capability and parameter negotiation with mediasoup v3's JSON shapes and rules, so that
 * mediasoup-client and libmediasoupclient accept the router unchanged.
 *
 * <p>Entry points: {@link dev.hongyan.media.ortc.RtpJson} reads untrusted JSON into validated
 * records; {@link dev.hongyan.media.ortc.Ortc} builds router capabilities, negotiates producers and
 * consumers. Records serialise with any Jackson {@code ObjectMapper} to mediasoup's JSON (absent
 * optional fields are omitted).
 */
package dev.hongyan.media.ortc;
