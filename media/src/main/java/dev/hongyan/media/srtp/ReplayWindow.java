package dev.hongyan.media.srtp;

/**
 * The sliding replay window of RFC 3711 §3.3.2 over 48-bit SRTP or 31-bit SRTCP indices. A
 * circular bitmap: advancing clears only the slots being reused, so a packet costs O(1) whatever
 * the window size.
 */
final class ReplayWindow {
    /** RFC 3711 §3.3.2 requires at least 64. */
    static final int MIN_SIZE = 64;

    private final long[] bits;
    private final int mask;
    private long highest = -1;

    ReplayWindow(int size) {
        if (size < MIN_SIZE) {
            throw new IllegalArgumentException("replay window must be at least " + MIN_SIZE + ", got " + size);
        }
        int rounded = Integer.highestOneBit(size - 1) << 1;
        this.bits = new long[rounded / 64];
        this.mask = rounded - 1;
    }

    int size() {
        return mask + 1;
    }

    /** The highest index accepted so far, -1 before the first. */
    long highest() {
        return highest;
    }

    /** True when the index is new and inside the window. Does not record it. */
    boolean isFresh(long index) {
        if (index > highest) {
            return true;
        }
        if (highest - index > mask) {
            return false;
        }
        int slot = (int) (index & mask);
        return (bits[slot >>> 6] & (1L << slot)) == 0;
    }

    /** Records an index that passed {@link #isFresh} and authenticated. */
    void accept(long index) {
        if (index > highest) {
            if (highest < 0 || index - highest > mask) {
                java.util.Arrays.fill(bits, 0L);
            } else {
                for (long i = highest + 1; i < index; i++) {
                    int slot = (int) (i & mask);
                    bits[slot >>> 6] &= ~(1L << slot);
                }
            }
            highest = index;
        }
        int slot = (int) (index & mask);
        bits[slot >>> 6] |= 1L << slot;
    }
}
