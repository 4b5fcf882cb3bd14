package dev.hongyan.media.rtcp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds one {@link TransportCcFeedback} from arrivals, in increasing transport-wide sequence order.
 * Sequence numbers are extended (unwrapped) so gaps are plain subtraction; every number skipped between
 * two arrivals is reported as not received.
 *
 * <p>{@link #addReceived} refuses (returns false, changing nothing) an arrival that does not fit this
 * packet: a delta beyond a signed 16-bit count of 250 µs ticks (±8.19 s), more than 65535 statuses,
 * or more than {@code maxSize} bytes on the wire. The caller then builds this packet and starts the
 * next one at the refused arrival, which always fits an empty builder.
 *
 * <p>The reference time is the first arrival rounded down to 64 ms, and each delta is measured from the
 * previous arrival <em>as the reader will reconstruct it</em> (reference time plus the deltas so far),
 * so rounding to 250 µs never accumulates into drift.
 */
public final class TransportCcFeedbackBuilder {
    /** The fixed part: RTCP header, both SSRCs, base sequence, count, reference time, feedback count. */
    private static final int FIXED_SIZE = 20;

    private final int senderSsrc;
    private final int mediaSsrc;
    private final int feedbackPacketCount;
    private final long baseSequence;
    private final int maxSize;
    private byte[] symbols = new byte[64];
    private final List<TransportCcFeedback.PacketStatus> received = new ArrayList<>();
    private int count;
    private int deltaBytes;
    private long referenceTime = Long.MIN_VALUE;
    private long lastMicros;

    /**
     * @param baseSequence the extended sequence number of the first status (it may be a lost packet)
     * @param maxSize      the most bytes the packet may take on the wire, at least 32
     */
    public TransportCcFeedbackBuilder(int senderSsrc, int mediaSsrc, int feedbackPacketCount, long baseSequence,
            int maxSize) {
        if (maxSize < 32) {
            throw new IllegalArgumentException("maxSize too small for a feedback packet: " + maxSize);
        }
        this.senderSsrc = senderSsrc;
        this.mediaSsrc = mediaSsrc;
        this.feedbackPacketCount = feedbackPacketCount & 0xFF;
        this.baseSequence = baseSequence;
        this.maxSize = maxSize;
    }

    public long baseSequence() {
        return baseSequence;
    }

    /** True until an arrival has been added. */
    public boolean isEmpty() {
        return referenceTime == Long.MIN_VALUE;
    }

    /** The extended sequence number after the last status, i.e. where the next packet would start. */
    public long endSequence() {
        return baseSequence + count;
    }

    /**
     * Adds the arrival of {@code sequence} at {@code arrivalMicros} (any monotonic clock), with every
     * number since the previous status reported lost. False, and nothing added, when it does not fit.
     *
     * @throws IllegalArgumentException when {@code sequence} is not after the last status
     */
    public boolean addReceived(long sequence, long arrivalMicros) {
        if (sequence < baseSequence + count) {
            throw new IllegalArgumentException("sequence " + sequence + " is not after " + (baseSequence + count - 1));
        }
        long newCount = sequence - baseSequence + 1;
        if (newCount > 0xFFFF) {
            return false;
        }
        long reference = isEmpty() ? Math.floorDiv(arrivalMicros, TransportCcFeedback.REFERENCE_TIME_MICROS)
                : referenceTime;
        long previous = isEmpty() ? reference * TransportCcFeedback.REFERENCE_TIME_MICROS : lastMicros;
        long ticks = Math.floorDiv(arrivalMicros - previous + TransportCcFeedback.DELTA_TICK_MICROS / 2,
                TransportCcFeedback.DELTA_TICK_MICROS);
        if (ticks < Short.MIN_VALUE || ticks > Short.MAX_VALUE) {
            return false;
        }
        TransportCcFeedback.PacketStatus status = TransportCcFeedback.PacketStatus.ofDelta((int) ticks);
        int n = (int) newCount;
        ensureCapacity(n);
        Arrays.fill(symbols, count, n - 1, (byte) TransportCcFeedback.Symbol.NOT_RECEIVED.ordinal());
        symbols[n - 1] = (byte) status.symbol().ordinal();
        int deltas = deltaBytes + (status.symbol() == TransportCcFeedback.Symbol.SMALL_DELTA ? 1 : 2);
        if (!fits(n, deltas)) {
            return false; // symbols past count are scratch: nothing to undo
        }
        count = n;
        deltaBytes = deltas;
        referenceTime = reference;
        lastMicros = previous + ticks * TransportCcFeedback.DELTA_TICK_MICROS;
        received.add(status);
        return true;
    }

    /** A cheap bound first (a chunk covers at least 7 statuses but maybe the last); the exact count only near the limit. */
    private boolean fits(int n, int deltas) {
        int bound = FIXED_SIZE + 2 * ((n + 6) / 7) + deltas;
        if (Bytes.padded(bound) <= maxSize) {
            return true;
        }
        int exact = FIXED_SIZE + 2 * TransportCcFeedback.encodeChunks(symbols, n, null, 0) + deltas;
        return Bytes.padded(exact) <= maxSize;
    }

    private void ensureCapacity(int n) {
        if (n > symbols.length) {
            symbols = Arrays.copyOf(symbols, Math.max(n, symbols.length * 2));
        }
    }

    /** The packet so far. */
    public TransportCcFeedback build() {
        if (isEmpty()) {
            throw new IllegalStateException("no arrival added");
        }
        List<TransportCcFeedback.PacketStatus> packets = new ArrayList<>(count);
        int next = 0;
        for (int i = 0; i < count; i++) {
            packets.add(symbols[i] == TransportCcFeedback.Symbol.NOT_RECEIVED.ordinal()
                    ? TransportCcFeedback.PacketStatus.NOT_RECEIVED : received.get(next++));
        }
        // The wire field is 24 bits; readers use only differences, so the wrap is harmless.
        int wireReference = (int) ((referenceTime << 40) >> 40);
        return new TransportCcFeedback(senderSsrc, mediaSsrc, (int) (baseSequence & 0xFFFF), wireReference,
                feedbackPacketCount, packets);
    }
}
