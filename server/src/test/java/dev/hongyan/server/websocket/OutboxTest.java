package dev.hongyan.server.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    /** Records what reaches the wire end of the pipeline: frame texts and flushes. */
    private static final class Wire extends ChannelOutboundHandlerAdapter {
        final List<String> texts = new ArrayList<>();
        final List<TextWebSocketFrame> frames = new ArrayList<>();
        int flushes;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            TextWebSocketFrame frame = (TextWebSocketFrame) msg;
            texts.add(frame.content().toString(StandardCharsets.UTF_8));
            frames.add(frame);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
            flushes++;
        }
    }

    private final List<Runnable> tasks = new ArrayList<>();
    private final Outbox outbox = new Outbox(tasks::add);

    @Test
    void oneTaskPerBatchOneEncodingPerTextOneFlushPerChannel() {
        Wire a = new Wire();
        Wire b = new Wire();
        EmbeddedChannel alice = new EmbeddedChannel(a);
        EmbeddedChannel bob = new EmbeddedChannel(b);
        String broadcast = "{\"signal\":\"room::broadcast\",\"text\":\"héllo\"}";

        outbox.post(alice, broadcast);
        outbox.post(bob, broadcast);
        outbox.post(alice, "second");
        assertThat(tasks).as("one task for the whole batch").hasSize(1);
        a.flushes = 0;
        b.flushes = 0;
        tasks.remove(0).run();

        assertThat(a.texts).containsExactly(broadcast, "second");
        assertThat(b.texts).containsExactly(broadcast);
        assertThat(a.flushes).isEqualTo(1);
        assertThat(b.flushes).isEqualTo(1);
        assertThat(a.frames.get(0).content().unwrap()).as("receivers share one encoding")
                .isSameAs(b.frames.get(0).content().unwrap());
        assertThat(a.frames.get(0).release()).as("bob's frame still holds the shared bytes").isFalse();
        assertThat(a.frames.get(1).release()).isTrue();
        assertThat(b.frames.get(0).release()).as("last reference: the shared bytes are freed").isTrue();
        assertThat(tasks).isEmpty();
    }

    @Test
    void aLetterPostedAfterTheBatchSchedulesTheNextTask() {
        Wire wire = new Wire();
        EmbeddedChannel channel = new EmbeddedChannel(wire);
        outbox.post(channel, "one");
        tasks.remove(0).run();
        outbox.post(channel, "two");
        assertThat(tasks).hasSize(1);
        tasks.remove(0).run();
        assertThat(wire.texts).containsExactly("one", "two");
        wire.frames.forEach(TextWebSocketFrame::release);
    }

    @Test
    void closedChannelsAreSkippedAndFloodsAreSplit() {
        Wire wire = new Wire();
        EmbeddedChannel open = new EmbeddedChannel(wire);
        EmbeddedChannel closed = new EmbeddedChannel();
        closed.close();
        outbox.post(closed, "lost");
        for (int i = 0; i < Outbox.MAX_BATCH + 1; i++) {
            outbox.post(open, "m" + i);
        }
        tasks.remove(0).run();
        assertThat(wire.texts).hasSize(Outbox.MAX_BATCH - 1);
        assertThat(tasks).as("the rest in a following task").hasSize(1);
        tasks.remove(0).run();
        assertThat(wire.texts).hasSize(Outbox.MAX_BATCH + 1).endsWith("m" + Outbox.MAX_BATCH);
        wire.frames.forEach(TextWebSocketFrame::release);
    }
}
