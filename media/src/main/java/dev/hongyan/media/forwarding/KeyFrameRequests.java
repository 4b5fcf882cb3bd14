package dev.hongyan.media.forwarding;

/**
 * Coalesces keyframe requests to one producer stream, as mediasoup's KeyFrameRequestManager: while a
 * request is outstanding (no keyframe yet), further requests are absorbed, since the coming keyframe
 * serves them all; an unanswered request is repeated after {@code retryNanos}. An optional minimum
 * spacing ({@code keyFrameRequestDelay}) bounds how often a busy room can ask.
 */
public final class KeyFrameRequests {
    private final long retryNanos;
    private final long minSpacingNanos;
    private boolean pending;
    /** A request arrived inside the minimum spacing: send it as soon as the spacing allows. */
    private boolean deferred;
    private long lastSentNanos = Long.MIN_VALUE / 2;
    private long sent;

    public KeyFrameRequests(long retryNanos, long minSpacingNanos) {
        this.retryNanos = retryNanos;
        this.minSpacingNanos = minSpacingNanos;
    }

    /** True when a request should go upstream now. */
    public boolean request(long nowNanos) {
        if (pending) {
            return false;
        }
        if (nowNanos - lastSentNanos < minSpacingNanos) {
            deferred = true;
            return false;
        }
        pending = true;
        lastSentNanos = nowNanos;
        sent++;
        return true;
    }

    /** True when an outstanding request is due for a repeat (call on a timer). */
    public boolean retryDue(long nowNanos) {
        if (deferred && nowNanos - lastSentNanos >= minSpacingNanos) {
            deferred = false;
            pending = true;
            lastSentNanos = nowNanos;
            sent++;
            return true;
        }
        if (pending && nowNanos - lastSentNanos >= Math.max(retryNanos, minSpacingNanos)) {
            lastSentNanos = nowNanos;
            sent++;
            return true;
        }
        return false;
    }

    public void keyFrameReceived() {
        pending = false;
    }

    public long sent() {
        return sent;
    }
}
