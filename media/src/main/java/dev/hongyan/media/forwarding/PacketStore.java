package dev.hongyan.media.forwarding;

/**
 * The last packets of one producer stream, in clear and as the producer sent them (after RTX
 * decapsulation), indexed by sequence number. Consumers answer NACKs by re-rewriting a stored packet,
 * so a packet is stored once however many consumers it went to. Slots are allocated on first use.
 */
public final class PacketStore {
    public static final int MAX_PACKET = 1500;

    private final byte[][] slots;
    private final int[] lengths;
    private final int[] seqs;
    private final int mask;

    /** {@code capacity} is rounded up to a power of two. */
    public PacketStore(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity - 1)) << 1;
        this.slots = new byte[size][];
        this.lengths = new int[size];
        this.seqs = new int[size];
        this.mask = size - 1;
        java.util.Arrays.fill(seqs, -1);
    }

    public void store(int seq, byte[] buf, int off, int len) {
        if (len > MAX_PACKET) {
            return;
        }
        int i = seq & mask;
        byte[] slot = slots[i];
        if (slot == null) {
            slot = slots[i] = new byte[MAX_PACKET];
        }
        System.arraycopy(buf, off, slot, 0, len);
        lengths[i] = len;
        seqs[i] = seq & 0xFFFF;
    }

    /** The slot holding {@code seq}, or -1 when it was never stored or has been overwritten. */
    public int find(int seq) {
        int i = seq & mask;
        return seqs[i] == (seq & 0xFFFF) ? i : -1;
    }

    public byte[] buffer(int slot) {
        return slots[slot];
    }

    public int length(int slot) {
        return lengths[slot];
    }
}
