package dev.hongyan.media.srtp;

/**
 * Per-SSRC SRTP packet index state: the highest index seen (ROC * 2^16 + s_l) and, inbound, the
 * replay window. Index estimation follows RFC 3711 §3.3.1 and Appendix A.
 */
final class RtpIndexTracker {
    private final ReplayWindow window;
    private long highest = -1;

    /** @param window null for an outbound stream, which keeps no replay state */
    RtpIndexTracker(ReplayWindow window) {
        this.window = window;
    }

    /**
     * Guesses the 48-bit index of a packet with this sequence number: the ROC is the current one,
     * one less, or one more, whichever puts the index nearest s_l. A guess below zero (a packet from
     * "before" the first one) is taken as ROC 0 instead, so an early large jump still decrypts.
     */
    long estimate(int seq) {
        if (highest < 0) {
            return seq;
        }
        long roc = highest >>> 16;
        int sl = (int) (highest & 0xFFFF);
        long v = roc;
        if (sl < 32768) {
            if (seq - sl > 32768) {
                v = roc - 1;
            }
        } else if (sl - 32768 > seq) {
            v = roc + 1;
        }
        if (v < 0) {
            v = 0;
        }
        return (v << 16) | seq;
    }

    boolean isFresh(long index) {
        return window == null || window.isFresh(index);
    }

    /** Commits an index once it authenticated (inbound) or was protected (outbound). */
    void accept(long index) {
        if (index > highest) {
            highest = index;
        }
        if (window != null) {
            window.accept(index);
        }
    }

    /** The current rollover counter. */
    int roc() {
        return highest < 0 ? 0 : (int) (highest >>> 16);
    }
}
