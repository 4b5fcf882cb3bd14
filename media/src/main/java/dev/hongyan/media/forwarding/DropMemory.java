package dev.hongyan.media.forwarding;

/**
 * Source numbers (RTP sequence numbers, VP8 PictureIDs) dropped on purpose, remembered so that a packet
 * arriving late can be numbered as if the drops had never happened: it moves down by one for every drop newer
 * than itself. A bounded ring, oldest first; only the newest packet is ever dropped, so the ring is in increasing
 * order. Numbers compare within a field of {@code 2^bits} values (16 for sequence numbers, 32 for numbers
 * already unwrapped). Loop-confined and allocation-free after construction.
 */
final class DropMemory {
    private final int[] ring;
    private final int ringMask;
    /** Shifts a difference so the field's sign bit lands on the int's. */
    private final int signShift;
    private int head;
    private int count;
    private boolean forgot;

    /** @param capacity drops remembered, a power of two */
    DropMemory(int capacity, int bits) {
        if (Integer.bitCount(capacity) != 1) {
            throw new IllegalArgumentException("capacity must be a power of two: " + capacity);
        }
        if (bits < 2 || bits > 32) {
            throw new IllegalArgumentException("bits must be 2..32: " + bits);
        }
        ring = new int[capacity];
        ringMask = capacity - 1;
        signShift = 32 - bits;
    }

    /** Remembers a drop; the oldest is forgotten when the ring is full. */
    void add(int number) {
        ring[(head + count) & ringMask] = number;
        if (count < ring.length) {
            count++;
        } else {
            head = (head + 1) & ringMask;
            forgot = true;
        }
    }

    /** Forgets every drop (a new anchor: nothing before it is forwarded any more). */
    void clear() {
        head = 0;
        count = 0;
        forgot = false;
    }

    /** How many remembered drops are newer than {@code number}; -1 when unknown (older ones were forgotten). */
    int newerThan(int number) {
        int n = 0;
        for (int i = count - 1; i >= 0; i--) {
            if (!isNewer(ring[(head + i) & ringMask], number)) {
                return n;
            }
            n++;
        }
        return forgot ? -1 : n;
    }

    /** Whether {@code number} is one of the drops remembered. */
    boolean contains(int number) {
        for (int i = count - 1; i >= 0; i--) {
            int dropped = ring[(head + i) & ringMask];
            if (dropped == number) {
                return true;
            }
            if (isNewer(number, dropped)) {
                return false;
            }
        }
        return false;
    }

    private boolean isNewer(int a, int b) {
        return (a - b) << signShift > 0;
    }
}
