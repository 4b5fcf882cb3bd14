package dev.hongyan.media.ortc;

import static dev.hongyan.media.ortc.MediaKind.AUDIO;
import static dev.hongyan.media.ortc.MediaKind.VIDEO;
import static dev.hongyan.media.ortc.RtpHeaderExtensionDirection.RECVONLY;
import static dev.hongyan.media.ortc.RtpHeaderExtensionDirection.SENDRECV;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the engine can route, in mediasoup's "supported RTP capabilities" form: the catalogue a
 * router's configured media codecs are matched against, and the header extensions every router
 * advertises.
 *
 * <p>Codecs: the ones mediasoup supports that are still in use (opus, multiopus layouts, G.711,
 * G.722, iLBC, CN, telephone-event, VP8, VP9, H264, AV1). Dropped on purpose: ISAC and SILK (gone
 * from browsers), H264-SVC and H265 (removed from mediasoup too).
 *
 * <p>Header extension ids follow mediasoup 3.14's numbering (mid 1, rid 2, rrid 3, abs-send-time
 * 4, transport-wide-cc 5, dependency descriptor 8, audio level 10, video orientation 11, toffset 12,
 * abs-capture-time 13, playout-delay 14). Clients take the ids from the router, so the numbers
 * matter only for stability. Left out: framemarking (withdrawn draft) and mediasoup's private
 * packet-id extension, which only mediasoup itself understands.
 */
final class SupportedRtpCapabilities {
  private SupportedRtpCapabilities() {}

  static final String MID = "urn:ietf:params:rtp-hdrext:sdes:mid";
  static final String RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id";
  static final String REPAIRED_RTP_STREAM_ID = "urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id";
  static final String ABS_SEND_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time";
  static final String TRANSPORT_WIDE_CC_01 =
      "http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01";
  static final String DEPENDENCY_DESCRIPTOR =
      "https://aomediacodec.github.io/av1-rtp-spec/#dependency-descriptor-rtp-header-extension";
  static final String SSRC_AUDIO_LEVEL = "urn:ietf:params:rtp-hdrext:ssrc-audio-level";
  static final String VIDEO_ORIENTATION = "urn:3gpp:video-orientation";
  static final String TOFFSET = "urn:ietf:params:rtp-hdrext:toffset";
  static final String ABS_CAPTURE_TIME = "http://www.webrtc.org/experiments/rtp-hdrext/abs-capture-time";
  static final String PLAYOUT_DELAY = "http://www.webrtc.org/experiments/rtp-hdrext/playout-delay";

  /*
   * transport-cc for audio and video, as mediasoup advertises: the engine answers the transport-wide
   * sequence numbers an endpoint sends with transport-cc feedback (bwe.TransportCongestionControlServer),
   * so Chrome runs its send-side estimator on it. goog-remb stays for video: the REMB the engine sends
   * (the transport's maxIncomingBitrate) is a ceiling Chrome applies on top of that estimate, and for
   * consumers ortc keeps only one of the two (transport-cc when its extension is negotiated).
   */
  private static final List<RtcpFeedback> AUDIO_FEEDBACK = List.of(RtcpFeedback.of("transport-cc"));

  private static final List<RtcpFeedback> VIDEO_FEEDBACK =
      List.of(
          RtcpFeedback.of("nack"),
          new RtcpFeedback("nack", "pli"),
          new RtcpFeedback("ccm", "fir"),
          RtcpFeedback.of("goog-remb"),
          RtcpFeedback.of("transport-cc"));

  static final List<RtpCodecCapability> CODECS = codecs();

  static final List<RtpHeaderExtension> HEADER_EXTENSIONS =
      List.of(
          ext(AUDIO, MID, 1, SENDRECV),
          ext(VIDEO, MID, 1, SENDRECV),
          // Producers send rid/rrid for simulcast; consumers get one plain stream, so recvonly.
          ext(VIDEO, RTP_STREAM_ID, 2, RECVONLY),
          ext(VIDEO, REPAIRED_RTP_STREAM_ID, 3, RECVONLY),
          ext(AUDIO, ABS_SEND_TIME, 4, SENDRECV),
          ext(VIDEO, ABS_SEND_TIME, 4, SENDRECV),
          // recvonly for audio, as in mediasoup: producers send it, consumers are estimated on video alone.
          ext(AUDIO, TRANSPORT_WIDE_CC_01, 5, RECVONLY),
          ext(VIDEO, TRANSPORT_WIDE_CC_01, 5, SENDRECV),
          ext(VIDEO, DEPENDENCY_DESCRIPTOR, 8, RECVONLY),
          ext(AUDIO, SSRC_AUDIO_LEVEL, 10, SENDRECV),
          ext(VIDEO, VIDEO_ORIENTATION, 11, SENDRECV),
          ext(VIDEO, TOFFSET, 12, SENDRECV),
          ext(AUDIO, ABS_CAPTURE_TIME, 13, SENDRECV),
          ext(VIDEO, ABS_CAPTURE_TIME, 13, SENDRECV),
          ext(AUDIO, PLAYOUT_DELAY, 14, SENDRECV),
          ext(VIDEO, PLAYOUT_DELAY, 14, SENDRECV));

  private static List<RtpCodecCapability> codecs() {
    List<RtpCodecCapability> c = new ArrayList<>();
    c.add(audio("audio/opus", null, 48000, 2, Map.of(), AUDIO_FEEDBACK));
    c.add(multiopus(4, "0,1,2,3", 2, 2));
    c.add(multiopus(6, "0,4,1,2,3,5", 4, 2));
    c.add(multiopus(8, "0,6,1,2,3,4,5,7", 5, 3));
    c.add(audio("audio/PCMU", 0, 8000, 1, Map.of(), AUDIO_FEEDBACK));
    c.add(audio("audio/PCMA", 8, 8000, 1, Map.of(), AUDIO_FEEDBACK));
    c.add(audio("audio/G722", 9, 8000, 1, Map.of(), AUDIO_FEEDBACK));
    c.add(audio("audio/iLBC", null, 8000, 1, Map.of(), AUDIO_FEEDBACK));
    for (int rate : new int[] {32000, 16000, 8000}) {
      c.add(audio("audio/CN", 13, rate, 1, Map.of(), List.of()));
    }
    for (int rate : new int[] {48000, 32000, 16000, 8000}) {
      c.add(audio("audio/telephone-event", null, rate, 1, Map.of(), List.of()));
    }
    c.add(video("video/VP8", Map.of()));
    c.add(video("video/VP9", Map.of()));
    c.add(video("video/H264", Map.of("level-asymmetry-allowed", 1)));
    c.add(video("video/AV1", Map.of()));
    return List.copyOf(c);
  }

  private static RtpCodecCapability multiopus(int channels, String mapping, int streams, int coupled) {
    Map<String, Object> p = new java.util.LinkedHashMap<>();
    p.put("channel_mapping", mapping);
    p.put("num_streams", streams);
    p.put("coupled_streams", coupled);
    return audio("audio/multiopus", null, 48000, channels, p, AUDIO_FEEDBACK);
  }

  private static RtpCodecCapability audio(
      String mime, Integer pt, int rate, int channels, Map<String, Object> p, List<RtcpFeedback> fb) {
    return new RtpCodecCapability(AUDIO, mime, pt, rate, channels, p, fb);
  }

  private static RtpCodecCapability video(String mime, Map<String, Object> p) {
    return new RtpCodecCapability(VIDEO, mime, null, 90000, null, p, VIDEO_FEEDBACK);
  }

  private static RtpHeaderExtension ext(MediaKind kind, String uri, int id, RtpHeaderExtensionDirection d) {
    return new RtpHeaderExtension(kind, uri, id, false, d);
  }
}
