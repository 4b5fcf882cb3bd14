package dev.hongyan.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocket08FrameEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** Flushes of every wire, in the order they happened. */
    private final List<Wire> flushLog = new ArrayList<>();

    /** Records what reaches the wire end of the pipeline: whole frames as bytes, and flushes. */
    private final class Wire extends ChannelOutboundHandlerAdapter {
        final List<ByteBuf> frames = new ArrayList<>();
        int flushes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            frames.add((ByteBuf) msg);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
            flushLog.add(this);
        }

        List<String> texts() {
            return frames.stream().map(OutboxTest::payloadOf).toList();
        }

        void release() {
            frames.forEach(ByteBuf::release);
        }
    }

    private final List<Runnable> tasks = new ArrayList<>();
    private final Outbox outbox = new Outbox(tasks::add);

    /** A connection past its handshake (the HTTP codec gone), writing into {@code wire}. */
    private NettyConnection connection(Wire wire) {
        EmbeddedChannel channel = new EmbeddedChannel(wire);
        flushLog.clear();
        NettyConnection connection = new NettyConnection("c", "127.0.0.1", channel, outbox);
        connection.handshakeDone();
        return connection;
    }

    @Test
    void untilTheHandshakeIsWrittenLettersGoThroughNettysEncoder() {
        // The pipeline while the 101 is being written: Netty's frame encoder below the HTTP codec.
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false), new HttpServerCodec());
        NettyConnection connection = new NettyConnection("c", "127.0.0.1", channel, outbox);
        ByteBuf ready = TextFrames.encode(UnpooledByteBufAllocator.DEFAULT, "early");
        assertThatThrownBy(() -> channel.writeOutbound(ready)).as("the HTTP encoder refuses a plain buffer")
                .hasMessageContaining("unexpected message type");

        outbox.post(connection, "early");
        tasks.remove(0).run();
        ByteBuf early = channel.readOutbound();
        assertThat(payloadOf(early)).isEqualTo("early");
        early.release();

        channel.pipeline().remove(HttpServerCodec.class);
        connection.handshakeDone();
        outbox.post(connection, "later");
        tasks.remove(0).run();
        ByteBuf later = channel.readOutbound();
        assertThat(payloadOf(later)).isEqualTo("later");
        assertThat(later.refCnt()).as("the shared frame itself, passed down untouched").isEqualTo(1);
        later.release();
        assertThat(channel.finishAndReleaseAll()).isFalse();
    }

    @Test
    void oneTaskPerBatchOneEncodingPerTextOneFlushPerChannel() {
        Wire a = new Wire();
        Wire b = new Wire();
        NettyConnection alice = connection(a);
        NettyConnection bob = connection(b);
        String broadcast = "{\"signal\":\"room::broadcast\",\"text\":\"héllo\"}";

        outbox.post(alice, broadcast);
        outbox.post(bob, broadcast);
        outbox.post(alice, "second");
        assertThat(tasks).as("one task for the whole batch").hasSize(1);
        tasks.remove(0).run();

        assertThat(a.texts()).containsExactly(broadcast, "second");
        assertThat(b.texts()).containsExactly(broadcast);
        assertThat(a.flushes).isEqualTo(1);
        assertThat(b.flushes).isEqualTo(1);
        // Compared at the root: when Netty's leak detector samples the allocation (1 in 128 by default) each
        // receiver's frame wraps the shared bytes in one more layer of its own.
        assertThat(root(a.frames.get(0))).as("receivers share one encoded frame").isSameAs(root(b.frames.get(0)));
        assertThat(a.frames.get(0).release()).as("bob's frame still holds the shared bytes").isFalse();
        assertThat(a.frames.get(1).release()).isTrue();
        assertThat(b.frames.get(0).release()).as("last reference: the shared bytes are freed").isTrue();
        assertThat(tasks).isEmpty();
    }

    @Test
    void channelsAreFlushedInTheOrderTheyWereFirstWritten() {
        Wire newcomer = new Wire();
        Wire member1 = new Wire();
        Wire member2 = new Wire();
        NettyConnection n = connection(newcomer);
        NettyConnection m1 = connection(member1);
        NettyConnection m2 = connection(member2);

        outbox.post(n, "reply");
        outbox.post(m1, "enter");
        outbox.post(m2, "enter");
        outbox.post(n, "list");
        tasks.remove(0).run();

        assertThat(flushLog).containsExactly(newcomer, member1, member2);
        assertThat(newcomer.texts()).containsExactly("reply", "list");
        List.of(newcomer, member1, member2).forEach(Wire::release);
    }

    @Test
    void aLetterPostedAfterTheBatchSchedulesTheNextTaskAndIsFlushedAgain() {
        Wire wire = new Wire();
        NettyConnection connection = connection(wire);
        outbox.post(connection, "one");
        tasks.remove(0).run();
        outbox.post(connection, "two");
        assertThat(tasks).hasSize(1);
        tasks.remove(0).run();
        assertThat(wire.texts()).containsExactly("one", "two");
        assertThat(wire.flushes).as("the flush mark is cleared after each batch").isEqualTo(2);
        wire.release();
    }

    @Test
    void closedChannelsAreSkippedAndFloodsAreSplit() {
        Wire wire = new Wire();
        NettyConnection open = connection(wire);
        EmbeddedChannel closedChannel = new EmbeddedChannel();
        closedChannel.close();
        outbox.post(new NettyConnection("gone", "127.0.0.1", closedChannel, outbox), "lost");
        for (int i = 0; i < Outbox.MAX_BATCH + 1; i++) {
            outbox.post(open, "m" + i);
        }
        tasks.remove(0).run();
        assertThat(wire.frames).hasSize(Outbox.MAX_BATCH - 1);
        assertThat(tasks).as("the rest in a following task").hasSize(1);
        tasks.remove(0).run();
        assertThat(wire.texts()).hasSize(Outbox.MAX_BATCH + 1).endsWith("m" + Outbox.MAX_BATCH);
        wire.release();
    }

    @Test
    void framesAreByteForByteWhatNettysEncoderMakes() {
        // Payload lengths at each boundary of the 7-bit, 16-bit and 64-bit length forms, and text whose
        // UTF-8 length (not its char count) crosses the first boundary.
        List<String> texts = new ArrayList<>();
        for (int length : new int[] {0, 1, 125, 126, 127, 1023, 1024, 1025, 65535, 65536, 70000}) {
            texts.add("x".repeat(length));
        }
        texts.add("鸿雁".repeat(30));
        texts.add("😀 emoji and ascii");
        for (String text : texts) {
            ByteBuf ours = TextFrames.encode(UnpooledByteBufAllocator.DEFAULT, text);
            ByteBuf netty = nettyFrame(text);
            try {
                assertThat(ByteBufUtil.hexDump(ours)).as("frame of %d chars", text.length())
                        .isEqualTo(ByteBufUtil.hexDump(netty));
                assertThat(payloadOf(ours)).isEqualTo(text);
            } finally {
                ours.release();
                netty.release();
            }
        }
    }

    /** What Netty's own server-side encoder writes for a text frame, header and payload joined. */
    private static ByteBuf nettyFrame(String text) {
        EmbeddedChannel channel = new EmbeddedChannel(new WebSocket08FrameEncoder(false));
        channel.writeOutbound(new TextWebSocketFrame(text));
        ByteBuf joined = UnpooledByteBufAllocator.DEFAULT.buffer();
        ByteBuf part;
        while ((part = channel.readOutbound()) != null) {
            joined.writeBytes(part);
            part.release();
        }
        channel.finishAndReleaseAll();
        return joined;
    }

    /** The payload of one unmasked, final text frame (RFC 6455 §5.2), checking its header. */
    private static String payloadOf(ByteBuf frame) {
        int at = frame.readerIndex();
        assertThat(frame.getUnsignedByte(at)).as("FIN + text opcode").isEqualTo((short) 0x81);
        int lengthByte = frame.getUnsignedByte(at + 1);
        assertThat(lengthByte & 0x80).as("server frames are not masked").isZero();
        long length;
        int header;
        if (lengthByte < 126) {
            length = lengthByte;
            header = 2;
        } else if (lengthByte == 126) {
            length = frame.getUnsignedShort(at + 2);
            header = 4;
        } else {
            length = frame.getLong(at + 2);
            header = 10;
        }
        assertThat((long) frame.readableBytes()).isEqualTo(header + length);
        return frame.toString(at + header, (int) length, StandardCharsets.UTF_8);
    }

    /** The buffer that holds the bytes, under every wrapper (duplicate, leak-aware) around it. */
    private static ByteBuf root(ByteBuf buf) {
        ByteBuf at = buf;
        while (at.unwrap() != null) {
            at = at.unwrap();
        }
        return at;
    }
}
