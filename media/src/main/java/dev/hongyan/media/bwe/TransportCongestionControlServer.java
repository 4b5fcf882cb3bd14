package dev.hongyan.media.bwe;

import dev.hongyan.media.rtcp.TransportCcFeedback;
import dev.hongyan.media.rtcp.TransportCcFeedbackBuilder;
import dev.hongyan.media.rtp.SequenceUnwrapper;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The receive side of transport-wide congestion control for one transport (mediasoup's
 * TransportCongestionControlServer): records the arrival time of every packet by its transport-wide
 * sequence number and sends transport-cc feedback about them every {@link #FEEDBACK_INTERVAL_NANOS}, or
 * at once when {@link #MAX_PENDING} statuses are waiting, so a large burst does not wait for the timer.
 *
 * <p>Each feedback covers every number from the first unreported one to the newest received; the gaps are
 * reported as not received. A packet that arrives after its number was reported lost moves the start of
 * the next feedback back to it, so the sender learns it arrived after all (libwebrtc's receiver does the
 * same, and its sender expects it). Arrivals are kept for the last {@link #WINDOW} numbers only: older
 * stragglers are dropped.
 */
public final class TransportCongestionControlServer {
    /** The draft suggests feedback "every 50-250 ms"; libwebrtc's receivers use 100 ms at video rates. */
    public static final long FEEDBACK_INTERVAL_NANOS = 100_000_000L;
    /** Statuses waiting that make feedback go out before the timer. */
    public static final int MAX_PENDING = 100;
    /** Room for the SRTCP trailer and tag in a 1200-byte datagram, as the other RTCP we send. */
    static final int MAX_FEEDBACK_SIZE = 1100;
    static final int WINDOW = 2048;
    private static final int MASK = WINDOW - 1;
    private static final long NONE = Long.MIN_VALUE;

    private final int extensionId;
    private final int senderSsrc;
    private final Consumer<TransportCcFeedback> sender;
    private final SequenceUnwrapper unwrapper = new SequenceUnwrapper();
    private final long[] arrivalMicros = new long[WINDOW];
    private long highest = NONE;
    private long nextToReport;
    private int mediaSsrc;
    private int feedbackCount;
    private long lastFeedbackNanos;
    private long feedbackPacketsSent;

    /**
     * @param extensionId the transport-wide-cc header extension id the endpoint uses
     * @param senderSsrc  the SSRC our RTCP goes out with
     * @param sender      sends one feedback packet (as its own compound packet)
     */
    public TransportCongestionControlServer(int extensionId, int senderSsrc, Consumer<TransportCcFeedback> sender) {
        this.extensionId = extensionId;
        this.senderSsrc = senderSsrc;
        this.sender = sender;
        Arrays.fill(arrivalMicros, NONE);
    }

    public int extensionId() {
        return extensionId;
    }

    /** Feedback packets sent so far. */
    public long feedbackPacketsSent() {
        return feedbackPacketsSent;
    }

    /** One RTP packet carrying transport-wide sequence {@code wideSequence} arrived at {@code nowNanos}. */
    public void onRtpPacket(int wideSequence, int ssrc, long nowNanos) {
        long seq = unwrapper.unwrap(wideSequence);
        if (highest == NONE) {
            highest = seq;
            nextToReport = seq;
            lastFeedbackNanos = nowNanos;
        } else if (seq > highest) {
            if (seq - highest >= WINDOW) {
                Arrays.fill(arrivalMicros, NONE);
            } else {
                for (long s = highest + 1; s <= seq; s++) {
                    arrivalMicros[(int) (s & MASK)] = NONE;
                }
            }
            highest = seq;
            // What fell out of the window can no longer be reported, received or not.
            nextToReport = Math.max(nextToReport, highest - WINDOW + 1);
        } else if (seq <= highest - WINDOW) {
            return;
        }
        int slot = (int) (seq & MASK);
        if (arrivalMicros[slot] != NONE) {
            return; // a duplicate: the first arrival stands
        }
        arrivalMicros[slot] = nowNanos / 1000;
        nextToReport = Math.min(nextToReport, seq);
        mediaSsrc = ssrc;
        if (highest - nextToReport + 1 >= MAX_PENDING) {
            sendFeedback(nowNanos);
        }
    }

    /** The transport's timer: feedback goes out once {@link #FEEDBACK_INTERVAL_NANOS} have passed. */
    public void onTick(long nowNanos) {
        if (nowNanos - lastFeedbackNanos >= FEEDBACK_INTERVAL_NANOS) {
            sendFeedback(nowNanos);
        }
    }

    private void sendFeedback(long nowNanos) {
        lastFeedbackNanos = nowNanos;
        if (highest == NONE || nextToReport > highest) {
            return;
        }
        TransportCcFeedbackBuilder builder = newBuilder(nextToReport);
        for (long s = nextToReport; s <= highest; s++) {
            long arrival = arrivalMicros[(int) (s & MASK)];
            if (arrival == NONE) {
                continue;
            }
            if (!builder.addReceived(s, arrival)) {
                if (!builder.isEmpty()) {
                    emit(builder);
                }
                builder = newBuilder(s);
                builder.addReceived(s, arrival); // always fits an empty packet
            }
        }
        if (!builder.isEmpty()) {
            emit(builder);
        }
        nextToReport = highest + 1;
    }

    private TransportCcFeedbackBuilder newBuilder(long base) {
        return new TransportCcFeedbackBuilder(senderSsrc, mediaSsrc, feedbackCount, base, MAX_FEEDBACK_SIZE);
    }

    private void emit(TransportCcFeedbackBuilder builder) {
        TransportCcFeedback feedback = builder.build();
        feedbackCount = (feedbackCount + 1) & 0xFF;
        feedbackPacketsSent++;
        sender.accept(feedback);
    }
}
