package dev.hongyan.media.ice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.util.IllegalReferenceCountException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SendArenaTest {
    /** Pooled direct memory, and a record of every chunk handed out (before any leak-detector wrapping). */
    static final class RecordingAllocator extends AbstractByteBufAllocator {
        private final PooledByteBufAllocator pool = new PooledByteBufAllocator(true);
        final List<ByteBuf> chunks = new ArrayList<>();

        RecordingAllocator() {
            super(true);
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            throw new AssertionError("send buffers must be direct");
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            ByteBuf b = pool.directBuffer(initialCapacity, maxCapacity);
            chunks.add(b);
            return b;
        }

        @Override
        public boolean isDirectBufferPooled() {
            return true;
        }
    }

    private final RecordingAllocator pool = new RecordingAllocator();

    private static byte[] bytes(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i);
        }
        return b;
    }

    private static byte[] contentOf(ByteBuf b) {
        byte[] out = new byte[b.readableBytes()];
        b.getBytes(b.readerIndex(), out);
        return out;
    }

    @Test
    void slicesCarryTheirDatagramAndShareOneChunk() {
        SendArena arena = new SendArena(pool, 4096);
        byte[] a = bytes(1000, 1);
        byte[] b = bytes(1200, 7);
        ByteBuf sa = arena.copyOf(a, 0, a.length);
        ByteBuf sb = arena.copyOf(b, 100, 900);

        assertThat(contentOf(sa)).isEqualTo(a);
        assertThat(contentOf(sb)).isEqualTo(java.util.Arrays.copyOfRange(b, 100, 1000));
        assertThat(pool.chunks).hasSize(1);
        ByteBuf chunk = pool.chunks.get(0);
        assertThat(sa.isDirect()).isTrue();
        assertThat(chunk.refCnt()).isEqualTo(3); // the arena's and one per slice

        sa.release();
        sb.release();
        assertThat(chunk.refCnt()).isEqualTo(1);
        arena.release();
        assertThat(chunk.refCnt()).isZero();
    }

    @Test
    void aFullChunkIsLetGoAndFreedOnceItsLastSliceIsReleased() {
        SendArena arena = new SendArena(pool, 2048);
        byte[] d = bytes(1000, 3);
        ByteBuf first = arena.copyOf(d, 0, d.length);
        ByteBuf second = arena.copyOf(d, 0, d.length);
        ByteBuf third = arena.copyOf(d, 0, d.length); // 3000 bytes do not fit 2048: a new chunk
        assertThat(pool.chunks).hasSize(2);
        ByteBuf oldChunk = pool.chunks.get(0);
        ByteBuf newChunk = pool.chunks.get(1);
        assertThat(oldChunk.refCnt()).isEqualTo(2); // only the two slices hold it now

        first.release();
        assertThat(oldChunk.refCnt()).isEqualTo(1);
        assertThat(contentOf(second)).isEqualTo(d); // memory still valid while a slice lives
        second.release();
        assertThat(oldChunk.refCnt()).isZero();

        third.release();
        arena.release();
        assertThat(newChunk.refCnt()).isZero();
    }

    @Test
    void aDatagramLargerThanAChunkGetsAChunkOfItsOwn() {
        SendArena arena = new SendArena(pool, 1024);
        byte[] big = bytes(3000, 5);
        ByteBuf slice = arena.copyOf(big, 0, big.length);
        assertThat(contentOf(slice)).isEqualTo(big);
        assertThat(pool.chunks).hasSize(1);
        assertThat(pool.chunks.get(0).capacity()).isEqualTo(3000);

        ByteBuf small = arena.copyOf(big, 0, 10); // does not fit the exact-size chunk: another one
        assertThat(pool.chunks).hasSize(2);
        slice.release();
        small.release();
        arena.release();
        assertThat(pool.chunks).allSatisfy(c -> assertThat(c.refCnt()).isZero());
    }

    @Test
    void releasingTwiceReleasesOnceAndEverySliceExactlyOnce() {
        SendArena arena = new SendArena(pool, 8192);
        List<ByteBuf> slices = new ArrayList<>();
        for (int i = 0; i < 20; i++) { // 20 x 1000 bytes: three chunks
            slices.add(arena.copyOf(bytes(1000, i), 0, 1000));
        }
        arena.release();
        arena.release(); // idempotent: must not release a chunk it no longer holds
        assertThat(pool.chunks).hasSize(3);
        for (ByteBuf s : slices) {
            assertThat(s.refCnt()).isPositive();
            s.release();
        }
        assertThat(pool.chunks).allSatisfy(c -> assertThat(c.refCnt()).isZero());
        // Nothing was left holding a reference it might release again.
        assertThatThrownBy(() -> pool.chunks.get(0).release()).isInstanceOf(IllegalReferenceCountException.class);
    }

    @Test
    void anEmptyDatagramIsAnEmptySlice() {
        SendArena arena = new SendArena(pool, 1024);
        ByteBuf empty = arena.copyOf(new byte[0], 0, 0);
        assertThat(empty.readableBytes()).isZero();
        empty.release();
        arena.release();
        assertThat(pool.chunks).allSatisfy(c -> assertThat(c.refCnt()).isZero());
    }
}
