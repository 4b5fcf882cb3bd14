package dev.hongyan.media.ice;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Direct memory for outgoing datagrams, carved from large pooled chunks: a send copies its datagram into the
 * current chunk and hands Netty a retained slice of it, so a fan-out costs one pooled allocation per chunk
 * rather than one per datagram.
 *
 * <p>Ownership: the arena holds one reference to its current chunk and each slice one more, released by
 * Netty once the datagram is written (or dropped). A chunk is only ever appended to, so memory a slice
 * points at is never reused while the slice lives; a full chunk is let go by the arena and returns to the
 * pool when its last slice is released. Confined to the socket's event loop.
 */
final class SendArena {
    /** Room for dozens of datagrams: a typical fan-out's flush, without holding much memory. */
    static final int CHUNK = 64 * 1024;

    private final ByteBufAllocator allocator;
    private final int chunkSize;
    private ByteBuf chunk;

    SendArena(ByteBufAllocator allocator) {
        this(allocator, CHUNK);
    }

    SendArena(ByteBufAllocator allocator, int chunkSize) {
        this.allocator = allocator;
        this.chunkSize = chunkSize;
    }

    /** A buffer holding {@code data[offset, offset+length)}, owned by the caller (release it once). */
    ByteBuf copyOf(byte[] data, int offset, int length) {
        ByteBuf c = chunk;
        if (c == null || c.writableBytes() < length) {
            release();
            // A datagram larger than a chunk (never for WebRTC, whose datagrams fit an MTU) gets its own.
            int size = Math.max(chunkSize, length);
            c = chunk = allocator.directBuffer(size, size);
        }
        int at = c.writerIndex();
        c.writeBytes(data, offset, length);
        return c.retainedSlice(at, length);
    }

    /** Lets go of the current chunk; slices still in flight keep it alive until they are released. */
    void release() {
        ByteBuf c = chunk;
        if (c != null) {
            chunk = null;
            c.release();
        }
    }
}
