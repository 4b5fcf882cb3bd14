package dev.hongyan.media;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.media.ortc.RtpJson;
import dev.hongyan.media.ortc.RtpParameters;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;

/** Producer parameters as mediasoup-client sends them, and synthetic RTP packets. */
final class MediaFixtures {
    static final int MID_ID = 4;
    static final int ABS_SEND_TIME_ID = 2;
    static final int TWCC_ID = 3;
    static final int RID_ID = 10;
    static final int RRID_ID = 11;
    static final int AUDIO_LEVEL_ID = 1;
    static final int ORIENTATION_ID = 13;
    static final int VP8_PT = 96;
    static final int VP8_RTX_PT = 97;
    static final int OPUS_PT = 111;

    private static final ObjectMapper JSON = new ObjectMapper();

    private MediaFixtures() {
    }

    static RtpParameters parse(String json) {
        try {
            return RtpJson.parseRtpParameters(JSON.readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static final String VP8_CODECS = "'codecs':[{'mimeType':'video/VP8','payloadType':96,'clockRate':90000,"
            + "'parameters':{},'rtcpFeedback':[{'type':'nack'},{'type':'nack','parameter':'pli'},"
            + "{'type':'ccm','parameter':'fir'},{'type':'goog-remb'},{'type':'transport-cc'}]},"
            + "{'mimeType':'video/rtx','payloadType':97,'clockRate':90000,'parameters':{'apt':96},'rtcpFeedback':[]}]";

    private static final String VIDEO_EXTS = "'headerExtensions':["
            + "{'uri':'urn:ietf:params:rtp-hdrext:sdes:mid','id':4},"
            + "{'uri':'urn:ietf:params:rtp-hdrext:sdes:rtp-stream-id','id':10},"
            + "{'uri':'urn:ietf:params:rtp-hdrext:sdes:repaired-rtp-stream-id','id':11},"
            + "{'uri':'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time','id':2},"
            + "{'uri':'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01','id':3},"
            + "{'uri':'urn:3gpp:video-orientation','id':13}]";

    /** The id {@code params} gives the header extension {@code uri}. */
    static int extensionId(RtpParameters params, String uri) {
        return params.headerExtensions().stream().filter(e -> e.uri().equals(uri)).findFirst().orElseThrow().id();
    }

    static RtpParameters vp8(String mid, long ssrc, long rtxSsrc) {
        return parse("{'mid':'" + mid + "'," + VP8_CODECS + "," + VIDEO_EXTS
                + ",'encodings':[{'ssrc':" + ssrc + ",'rtx':{'ssrc':" + rtxSsrc + "}}],"
                + "'rtcp':{'cname':'producer','reducedSize':true}}");
    }

    /** Three simulcast encodings identified by rid only (what Chrome does with mediasoup-client). */
    static RtpParameters vp8Simulcast(String mid) {
        return parse("{'mid':'" + mid + "'," + VP8_CODECS + "," + VIDEO_EXTS
                + ",'encodings':[{'rid':'r0','scalabilityMode':'L1T3'},{'rid':'r1','scalabilityMode':'L1T3'},"
                + "{'rid':'r2','scalabilityMode':'L1T3'}],'rtcp':{'cname':'producer','reducedSize':true}}");
    }

    static RtpParameters opus(String mid, long ssrc) {
        return parse("{'mid':'" + mid + "','codecs':[{'mimeType':'audio/opus','payloadType':111,'clockRate':48000,"
                + "'channels':2,'parameters':{'minptime':10,'useinbandfec':1},'rtcpFeedback':[{'type':'transport-cc'}]}],"
                + "'headerExtensions':[{'uri':'urn:ietf:params:rtp-hdrext:sdes:mid','id':4},"
                + "{'uri':'urn:ietf:params:rtp-hdrext:ssrc-audio-level','id':1},"
                + "{'uri':'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time','id':2}],"
                + "'encodings':[{'ssrc':" + ssrc + "}],'rtcp':{'cname':'producer','reducedSize':true}}");
    }

    /**
     * A VP8 packet: descriptor with a 15-bit picture id and TID, then the VP8 payload header whose P bit
     * tells keyframes, then filler up to {@code size} payload bytes.
     */
    static byte[] vp8Packet(int ssrc, int seq, int ts, boolean keyFrame, int tid, int size, String mid, String rid) {
        byte[] b = new byte[12 + size + 64];
        b[0] = (byte) 0x80;
        b[1] = (byte) VP8_PT;
        int payload = 12;
        b[payload] = (byte) 0x90;           // X=1, S=1, partition 0
        b[payload + 1] = (byte) 0xA0;       // I=1, T=1
        b[payload + 2] = (byte) (0x80 | (seq >>> 8 & 0x7F));
        b[payload + 3] = (byte) seq;
        b[payload + 4] = (byte) (tid << 6);
        b[payload + 5] = (byte) (keyFrame ? 0x10 : 0x11);
        for (int i = payload + 6; i < payload + size; i++) {
            b[i] = (byte) i;
        }
        return videoPacket(b, ssrc, seq, ts, size, mid, rid);
    }

    /**
     * A VP8 packet with a full descriptor (RFC 7741 §4.2): PictureID (15-bit, or 7-bit when
     * {@code pictureId < 128} and {@code wide} is false), TL0PICIDX, TID and the layer-sync bit Y.
     */
    static byte[] vp8LayeredPacket(int ssrc, int seq, int ts, boolean keyFrame, int pictureId, boolean wide, int tl0,
            int tid, boolean layerSync, int size, String mid, String rid) {
        byte[] b = new byte[12 + size + 64];
        b[0] = (byte) 0x80;
        b[1] = (byte) VP8_PT;
        int i = 12;
        b[i++] = (byte) 0x90;           // X=1, S=1, partition 0
        b[i++] = (byte) 0xE0;           // I, L, T
        if (wide) {
            b[i++] = (byte) (0x80 | (pictureId >>> 8 & 0x7F));
            b[i++] = (byte) pictureId;
        } else {
            b[i++] = (byte) (pictureId & 0x7F);
        }
        b[i++] = (byte) tl0;
        b[i++] = (byte) (tid << 6 | (layerSync ? 0x20 : 0));
        b[i++] = (byte) (keyFrame ? 0x10 : 0x11);
        for (; i < 12 + size; i++) {
            b[i] = (byte) i;
        }
        return videoPacket(b, ssrc, seq, ts, size, mid, rid);
    }

    /** Fills in the RTP header of a VP8 packet whose payload is already at {@code b[12, 12+size)}, adds MID/RID. */
    private static byte[] videoPacket(byte[] b, int ssrc, int seq, int ts, int size, String mid, String rid) {
        RtpPacket p = new RtpPacket();
        p.wrap(b, 0, 12 + size);
        p.setSsrc(ssrc);
        p.setSequenceNumber(seq & 0xFFFF);
        p.setTimestamp(ts);
        p.setMarker(true);
        int len = 12 + size;
        if (mid != null) {
            len = RtpExtensions.setText(p, MID_ID, mid);
        }
        if (rid != null) {
            len = RtpExtensions.setText(p, RID_ID, rid);
        }
        return java.util.Arrays.copyOf(b, len);
    }

    static byte[] opusPacket(int ssrc, int seq, int ts, int size, String mid) {
        return opusPacket(ssrc, seq, ts, size, mid, 0x85);
    }

    /** An opus packet whose ssrc-audio-level byte is {@code levelByte} (V flag in the top bit, then -dBov). */
    static byte[] opusPacket(int ssrc, int seq, int ts, int size, String mid, int levelByte) {
        byte[] b = new byte[12 + size + 32];
        b[0] = (byte) 0x80;
        b[1] = (byte) OPUS_PT;
        RtpPacket p = new RtpPacket();
        p.wrap(b, 0, 12 + size);
        p.setSsrc(ssrc);
        p.setSequenceNumber(seq & 0xFFFF);
        p.setTimestamp(ts);
        int len = 12 + size;
        if (mid != null) {
            len = RtpExtensions.setText(p, MID_ID, mid);
        }
        len = p.setExtension(AUDIO_LEVEL_ID, new byte[] {(byte) levelByte});
        return java.util.Arrays.copyOf(b, len);
    }
}
