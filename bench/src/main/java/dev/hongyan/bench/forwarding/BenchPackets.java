package dev.hongyan.bench.forwarding;

import dev.hongyan.media.ortc.RtpJson;
import dev.hongyan.media.ortc.RtpParameters;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The benchmark's producer parameters and its synthetic VP8 packets, which carry their send time. */
final class BenchPackets {
    static final int SSRC = 0x11112222;
    static final int MID_ID = 4;
    /** Offset of the 8-byte send nanoTime within the RTP payload (after the 6-byte VP8 descriptor+header). */
    static final int STAMP_OFFSET = 6;

    private final byte[] buf;
    private final RtpPacket view = new RtpPacket();
    private final int headerLength;
    private final int length;

    BenchPackets(int payloadSize) {
        byte[] b = new byte[12 + payloadSize + 64];
        b[0] = (byte) 0x80;
        b[1] = 96;
        view.wrap(b, 0, 12 + payloadSize);
        view.setSsrc(SSRC);
        view.setMarker(true);
        int len = RtpExtensions.setText(view, MID_ID, "0");
        this.buf = b;
        this.length = len;
        this.headerLength = view.headerLength();
        int p = headerLength;
        b[p] = (byte) 0x90;
        b[p + 1] = (byte) 0x80;
        for (int i = p + STAMP_OFFSET + 8; i < len; i++) {
            b[i] = (byte) i;
        }
    }

    /** Fills in the per-packet fields; returns the length. The buffer is reused. */
    int next(int seq, int ts, boolean keyFrame, long nanos) {
        view.wrap(buf, 0, length);
        view.setSequenceNumber(seq & 0xFFFF);
        view.setTimestamp(ts);
        int p = headerLength;
        buf[p + 2] = (byte) (0x80 | (seq >>> 8 & 0x7F));
        buf[p + 3] = (byte) seq;
        buf[p + 4] = (byte) (keyFrame ? 0x10 : 0x11); // VP8 payload header: P bit clear on keyframes
        buf[p + 5] = 0;
        long v = nanos;
        for (int i = 7; i >= 0; i--) {
            buf[p + STAMP_OFFSET + i] = (byte) v;
            v >>>= 8;
        }
        return length;
    }

    byte[] buffer() {
        return buf;
    }

    static RtpParameters producerParameters() {
        String json = "{'mid':'0','codecs':[{'mimeType':'video/VP8','payloadType':96,'clockRate':90000,"
                + "'parameters':{},'rtcpFeedback':[{'type':'nack'},{'type':'nack','parameter':'pli'},"
                + "{'type':'ccm','parameter':'fir'},{'type':'transport-cc'}]},"
                + "{'mimeType':'video/rtx','payloadType':97,'clockRate':90000,'parameters':{'apt':96},'rtcpFeedback':[]}],"
                + "'headerExtensions':[{'uri':'urn:ietf:params:rtp-hdrext:sdes:mid','id':4},"
                + "{'uri':'http://www.webrtc.org/experiments/rtp-hdrext/abs-send-time','id':2},"
                + "{'uri':'http://www.ietf.org/id/draft-holmer-rmcat-transport-wide-cc-extensions-01','id':3}],"
                + "'encodings':[{'ssrc':" + Integer.toUnsignedLong(SSRC) + ",'rtx':{'ssrc':" + (Integer.toUnsignedLong(SSRC) + 1)
                + "}}],'rtcp':{'cname':'bench','reducedSize':true}}";
        try {
            return RtpJson.parseRtpParameters(new ObjectMapper().readTree(json.replace('\'', '"')));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The send time a received (decrypted) consumer packet carries, or -1. */
    static long stampOf(byte[] b, int len) {
        RtpPacket p = RtpPacket.parse(b, 0, len);
        if (p == null || p.payloadLength() < STAMP_OFFSET + 8) {
            return -1;
        }
        long v = 0;
        int at = p.payloadOffset() + STAMP_OFFSET;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[at + i] & 0xFF);
        }
        return v;
    }
}
