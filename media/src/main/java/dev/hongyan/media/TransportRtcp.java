package dev.hongyan.media;

import dev.hongyan.media.rtcp.FullIntraRequest;
import dev.hongyan.media.rtcp.GenericNack;
import dev.hongyan.media.rtcp.PictureLossIndication;
import dev.hongyan.media.rtcp.ReceiverReport;
import dev.hongyan.media.rtcp.Remb;
import dev.hongyan.media.rtcp.ReportBlock;
import dev.hongyan.media.rtcp.RtcpCompound;
import dev.hongyan.media.rtcp.RtcpPacket;
import dev.hongyan.media.rtcp.RtcpParseException;
import dev.hongyan.media.rtcp.SenderReport;
import dev.hongyan.media.rtcp.TransportCcFeedback;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A transport's RTCP: dispatches what the remote sends (SR to producer streams; RR, NACK, PLI, FIR to
 * consumers) and sends our periodic reports (RR about producer streams, REMB for video producers, SR +
 * SDES for consumers) in compound packets that fit one datagram.
 *
 * <p>Congestion control: transport-cc feedback about what the endpoint sends goes out from
 * bwe.TransportCongestionControlServer (through {@link #send}); transport-cc feedback and REMB from the
 * endpoint about what we send go to the transport's estimator. A REMB of the transport's
 * maxIncomingBitrate (mediasoup's setMaxIncomingBitrate) still goes to video producers' senders: libwebrtc
 * applies it as a ceiling on its own transport-cc estimate, and a sender that negotiated only REMB starts
 * from it.
 */
final class TransportRtcp {
    private static final Logger log = LoggerFactory.getLogger(TransportRtcp.class);
    /** Room for the SRTCP trailer and tag within a 1200-byte datagram. */
    private static final int MAX_COMPOUND = 1100;

    private final WebRtcTransport transport;
    private final MediaEngine engine;

    TransportRtcp(WebRtcTransport transport, MediaEngine engine) {
        this.transport = transport;
        this.engine = engine;
    }

    void receive(byte[] buf, int len, long nowNanos) {
        List<RtcpPacket> packets;
        try {
            packets = RtcpCompound.parse(buf, 0, len);
        } catch (RtcpParseException e) {
            log.debug("bad RTCP from transport {}: {}", transport.id(), e.getMessage());
            return;
        }
        long epochMillis = System.currentTimeMillis();
        for (RtcpPacket p : packets) {
            // SDES and BYE are not acted on.
            if (p instanceof SenderReport sr) {
                StreamRef ref = transport.inboundSsrcs.get(sr.ssrc());
                if (ref != null && !ref.rtx()) {
                    ref.producer().onSenderReport(ref, sr, nowNanos);
                }
                reportBlocks(sr.reports(), epochMillis);
            } else if (p instanceof ReceiverReport rr) {
                reportBlocks(rr.reports(), epochMillis);
            } else if (p instanceof GenericNack nack) {
                Consumer c = transport.consumersBySsrc.get(nack.mediaSsrc());
                if (c != null) {
                    c.onNack(nack, nowNanos);
                }
            } else if (p instanceof PictureLossIndication pli) {
                Consumer c = transport.consumersBySsrc.get(pli.mediaSsrc());
                if (c != null) {
                    c.onPli(nowNanos);
                }
            } else if (p instanceof TransportCcFeedback feedback) {
                transport.onTransportCcFeedback(feedback, nowNanos);
            } else if (p instanceof Remb remb) {
                transport.onRemb(remb.bitrate(), nowNanos);
            } else if (p instanceof FullIntraRequest fir) {
                for (FullIntraRequest.Entry e : fir.entries()) {
                    Consumer c = transport.consumersBySsrc.get(e.ssrc());
                    if (c != null) {
                        c.onFir(nowNanos);
                    }
                }
            }
        }
    }

    private void reportBlocks(List<ReportBlock> blocks, long epochMillis) {
        for (ReportBlock b : blocks) {
            Consumer c = transport.consumersBySsrc.get(b.ssrc());
            if (c != null) {
                c.onReceiverReport(b, epochMillis);
            }
        }
    }

    /**
     * The periodic reports: RR blocks for every producer stream, a REMB for the video ones (after the
     * RRs: a compound starts with a report), SR + SDES for every consumer that sent.
     */
    void sendReports(long nowNanos, long epochMillis) {
        List<RtcpPacket> batch = new ArrayList<>();
        int size = 0;
        List<ReportBlock> blocks = new ArrayList<>();
        for (Producer p : transport.producerList()) {
            p.collectReportBlocks(blocks, nowNanos);
        }
        for (int i = 0; i < blocks.size(); i += 31) {
            RtcpPacket rr = new ReceiverReport(transport.rtcpSsrc, blocks.subList(i, Math.min(blocks.size(), i + 31)));
            if (size + rr.marshalSize() > MAX_COMPOUND) {
                send(batch);
                batch.clear();
                size = 0;
            }
            batch.add(rr);
            size += rr.marshalSize();
        }
        Remb remb = remb();
        if (remb != null) {
            if (size + remb.marshalSize() > MAX_COMPOUND) {
                send(batch);
                batch.clear();
                size = 0;
            }
            batch.add(remb);
            size += remb.marshalSize();
        }
        List<RtcpPacket> perConsumer = new ArrayList<>(2);
        for (Consumer c : transport.consumerList()) {
            perConsumer.clear();
            c.collectSenderReport(perConsumer, nowNanos, epochMillis);
            int n = RtcpCompound.marshalSize(perConsumer);
            if (n == 0) {
                continue;
            }
            if (size + n > MAX_COMPOUND) {
                send(batch);
                batch.clear();
                size = 0;
            }
            batch.addAll(perConsumer);
            size += n;
        }
        send(batch);
    }

    /** A REMB on its own, as soon as a video stream starts (see {@link WebRtcTransport#onVideoStreamStarted}). */
    void sendRemb() {
        Remb remb = remb();
        if (remb != null) {
            send(List.of(remb));
        }
    }

    /**
     * One REMB for every video producer stream that has received media: libwebrtc applies it to the
     * whole sending side, so all media SSRCs go in one. Built once a second or per new stream, never per
     * packet. Null when there is no such stream.
     */
    private Remb remb() {
        List<Integer> ssrcs = null;
        for (Producer p : transport.producerList()) {
            if (p.kind() != dev.hongyan.media.ortc.MediaKind.VIDEO) {
                continue;
            }
            for (ProducerStream s : p.streams) {
                if (s.ssrc != 0 && s.recv.started()) {
                    if (ssrcs == null) {
                        ssrcs = new ArrayList<>(4);
                    }
                    if (ssrcs.size() < 255) {
                        ssrcs.add(s.ssrc);
                    }
                }
            }
        }
        return ssrcs == null ? null : new Remb(transport.rtcpSsrc, transport.maxIncomingBitrate, ssrcs);
    }

    void sendNack(int mediaSsrc, int[] seqs, int count) {
        send(List.of(GenericNack.of(transport.rtcpSsrc, mediaSsrc, java.util.Arrays.copyOf(seqs, count))));
    }

    void send(List<? extends RtcpPacket> packets) {
        if (packets.isEmpty() || !transport.connected()) {
            return;
        }
        int n = RtcpCompound.marshalSize(packets);
        if (n > engine.rtcpBuffer.length - 64) {
            return;
        }
        RtcpCompound.marshal(packets, engine.rtcpBuffer, 0);
        transport.sendRtcpBytes(engine.rtcpBuffer, n);
    }
}
