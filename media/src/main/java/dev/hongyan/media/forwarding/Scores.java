package dev.hongyan.media.forwarding;

/** mediasoup's 0..10 stream score from one interval's delivery. */
public final class Scores {
    private Scores() {
    }

    /**
     * Like mediasoup's RtpStream score: the share of the interval's packets that reached (or were repaired
     * for) the receiver, to the fourth power so that a few percent of loss already costs points.
     * With nothing expected the score is {@code previous} (a quiet stream is not a bad one).
     */
    public static int fromDelivery(long expected, long lost, long repaired, int previous) {
        if (expected <= 0) {
            return previous;
        }
        long delivered = Math.min(expected, Math.max(0, expected - lost + repaired));
        double ratio = (double) delivered / expected;
        return (int) Math.round(Math.pow(ratio, 4) * 10);
    }
}
