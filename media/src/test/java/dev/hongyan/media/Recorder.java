package dev.hongyan.media;

import dev.hongyan.media.loopback.LoopbackPeer;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.rtp.RtpExtensions;
import dev.hongyan.media.rtp.RtpPacket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A loopback peer's handler that keeps the decrypted RTP headers and RTCP packets it receives. */
final class Recorder implements LoopbackPeer.Handler {

    record Received(int ssrc, int pt, int seq, int ts, String mid, int length) {}

    final List<Received> rtp = new CopyOnWriteArrayList<>();
    final List<RtcpPacket> rtcp = new CopyOnWriteArrayList<>();
    /** The MID extension id to read, 0 to read none (the consumer's id is known only once it exists). */
    volatile int midId = 0;

    @Override
    public void onRtp(byte[] buf, int len, long arrivalNanos) {
        RtpPacket p = RtpPacket.parse(buf, 0, len);
        if (p != null) {
            rtp.add(new Received(p.ssrc(), p.payloadType(), p.sequenceNumber(), p.timestamp(),
                    midId == 0 ? null : RtpExtensions.mid(p, midId), len));
        }
    }

    @Override
    public void onRtcp(byte[] buf, int len) {
        try {
            rtcp.addAll(RtcpCompound.parse(buf, 0, len));
        } catch (RuntimeException e) {
            // a compound this parser refuses is not what these tests look at
        }
    }
}
