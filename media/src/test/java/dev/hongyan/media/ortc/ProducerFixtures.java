package dev.hongyan.media.ortc;

import static dev.hongyan.media.ortc.Fixtures.json;

/** Producer rtpParameters as mediasoup-client (Chrome) and libmediasoupclient send them. */
final class ProducerFixtures {
  private ProducerFixtures() {}

  static final String VIDEO_EXTENSIONS = """
      headerExtensions: [
        {uri:'urn:ietf:params:rtp-hdrext:sdes:mid', id:4, encrypt:false, parameters:{}},
        {uri:'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id', id:10, encrypt:false, parameters:{}},
        {uri:'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id', id:11, encrypt:false, parameters:{}},
        {uri:'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time', id:2, encrypt:false, parameters:{}},
        {uri:'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01', id:3, encrypt:false, parameters:{}},
        {uri:'urn:3gpp:video-orientation', id:13, encrypt:false, parameters:{}},
        {uri:'urn:ietf:params:rtp-hdrext:toffset', id:14, encrypt:false, parameters:{}}
      ]""";

  static final String VP8_CODECS = """
      codecs: [
        {mimeType:'video/VP8', payloadType:96, clockRate:90000, parameters:{},
         rtcpFeedback:[{type:'goog-remb', parameter:''}, {type:'transport-cc', parameter:''},
           {type:'ccm', parameter:'fir'}, {type:'nack', parameter:''}, {type:'nack', parameter:'pli'}]},
        {mimeType:'video/rtx', payloadType:97, clockRate:90000, parameters:{apt:96}, rtcpFeedback:[]}
      ]""";

  static RtpParameters opus() {
    return RtpJson.parseRtpParameters(json("""
        {mid:'0',
         codecs:[{mimeType:'audio/opus', payloadType:111, clockRate:48000, channels:2,
                  parameters:{minptime:10, useinbandfec:1, usedtx:1},
                  rtcpFeedback:[{type:'transport-cc', parameter:''}]}],
         headerExtensions:[
           {uri:'urn:ietf:params:rtp-hdrext:sdes:mid', id:4, encrypt:false, parameters:{}},
           {uri:'urn:ietf:params:rtp-hdrext:ssrc-audio-level', id:1, encrypt:false, parameters:{}}],
         encodings:[{ssrc:1111111111, dtx:false}],
         rtcp:{cname:'Kq2Ug7eW', reducedSize:true}}"""));
  }

  /** Chrome simulcast: three rids, one m-line, mediasoup-client's default encodings. */
  static RtpParameters vp8SimulcastByRid() {
    return RtpJson.parseRtpParameters(json("{mid:'1', " + VP8_CODECS + ", " + VIDEO_EXTENSIONS + """
        , encodings:[
           {active:true, rid:'r0', scalabilityMode:'L1T3', scaleResolutionDownBy:4, maxBitrate:100000, dtx:false},
           {active:true, rid:'r1', scalabilityMode:'L1T3', scaleResolutionDownBy:2, maxBitrate:300000, dtx:false},
           {active:true, rid:'r2', scalabilityMode:'L1T3', scaleResolutionDownBy:1, maxBitrate:900000, dtx:false}],
         rtcp:{cname:'Kq2Ug7eW', reducedSize:true}}"""));
  }

  /** Plan-B style / libmediasoupclient simulcast: SSRCs with RTX, no rids. */
  static RtpParameters vp8SimulcastBySsrc() {
    return RtpJson.parseRtpParameters(json("{mid:'1', " + VP8_CODECS + ", " + VIDEO_EXTENSIONS + """
        , encodings:[
           {ssrc:111111, rtx:{ssrc:111112}, scalabilityMode:'L1T2'},
           {ssrc:222221, rtx:{ssrc:222222}},
           {ssrc:333331, rtx:{ssrc:333332}}],
         rtcp:{cname:'bcast', reducedSize:true}}"""));
  }

  static RtpParameters vp9Svc() {
    return RtpJson.parseRtpParameters(json("""
        {mid:'2',
         codecs:[{mimeType:'video/VP9', payloadType:98, clockRate:90000, parameters:{'profile-id':0},
                  rtcpFeedback:[{type:'nack'}, {type:'nack', parameter:'pli'}, {type:'transport-cc'}]},
                 {mimeType:'video/rtx', payloadType:99, clockRate:90000, parameters:{apt:98}}],
         encodings:[{ssrc:444441, rtx:{ssrc:444442}, scalabilityMode:'L3T3_KEY', maxBitrate:1500000}],
         rtcp:{cname:'Kq2Ug7eW'}}"""));
  }

  static RtpParameters h264(String profileLevelId, boolean asymmetry) {
    return RtpJson.parseRtpParameters(json("""
        {mid:'3',
         codecs:[{mimeType:'video/H264', payloadType:102, clockRate:90000,
                  parameters:{'packetization-mode':1, 'profile-level-id':'%s'%s}},
                 {mimeType:'video/rtx', payloadType:103, clockRate:90000, parameters:{apt:102}}],
         encodings:[{ssrc:555551, rtx:{ssrc:555552}}]}""".formatted(
            profileLevelId, asymmetry ? ", 'level-asymmetry-allowed':1" : "")));
  }
}
