package dev.hongyan.media.rtcp;

/** One RTCP packet of a compound packet. Each knows its size and writes itself, header included. */
public sealed interface RtcpPacket
        permits SenderReport, ReceiverReport, SourceDescription, Goodbye, GenericNack, PictureLossIndication,
                FullIntraRequest, Remb, TransportCcFeedback, UnknownRtcp {

    int SR = 200;
    int RR = 201;
    int SDES = 202;
    int BYE = 203;
    int APP = 204;
    /** Transport-layer feedback, RFC 4585 §6.2. */
    int RTPFB = 205;
    /** Payload-specific feedback, RFC 4585 §6.3. */
    int PSFB = 206;

    int packetType();

    /** Bytes {@link #marshalTo} writes: a multiple of 4. */
    int marshalSize();

    /** Writes the packet at {@code off}; returns {@link #marshalSize()}. */
    int marshalTo(byte[] buf, int off);
}
