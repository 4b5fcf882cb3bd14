package dev.hongyan.media.ice;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The shared port's handler without a real socket: what reaches a transport, and when sends are flushed. */
class UdpSocketTest {
    private static final InetSocketAddress LOCAL = new InetSocketAddress("127.0.0.1", 40000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 50000);
    private static final InetSocketAddress STRANGER = new InetSocketAddress("127.0.0.1", 50001);

    private final IceRegistry registry = new IceRegistry();
    private final List<Long> flushes = new ArrayList<>();
    private final UdpSocket socket = new UdpSocket(registry, new BindingHandler(registry, System::nanoTime),
            flushes::add);
    private final EmbeddedChannel channel = new EmbeddedChannel(socket);
    private final List<byte[]> arrays = new ArrayList<>();   // the array each delivery came in
    private final List<byte[]> received = new ArrayList<>(); // a copy of what it held
    private BiConsumer<byte[], Integer> onPacket = (buf, len) -> { };
    private final List<ByteBuf> sentContents = new ArrayList<>();

    UdpSocketTest() {
        IceTransport transport = new IceTransport(registry, () -> IceParameters.generate(new SecureRandom()),
                List.of(), IceTransportOptions.defaults(), (buf, length) -> {
                    arrays.add(buf);
                    received.add(Arrays.copyOf(buf, length));
                    onPacket.accept(buf, length);
                });
        transport.register();
        registry.bindTuple(new IceTuple(transport, socket, PEER, System.nanoTime()));
    }

    @AfterEach
    void close() {
        Object out;
        while ((out = channel.readOutbound()) != null) {
            ((DatagramPacket) out).release();
        }
        channel.finishAndReleaseAll();
    }

    private static byte[] rtp(int length, int seed) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed + i);
        }
        b[0] = (byte) 0x80;
        return b;
    }

    private DatagramPacket datagram(byte[] content, InetSocketAddress from) {
        // Unpooled.wrappedBuffer(new byte[0]) is the shared EMPTY_BUFFER, which cannot be released.
        ByteBuf buf = Unpooled.buffer(content.length).writeBytes(content);
        return new DatagramPacket(buf, LOCAL, from);
    }

    @Test
    void mediaReachesTheTransportInOneReusedBufferAndEveryDatagramIsReleased() {
        byte[] first = rtp(1000, 1);
        byte[] second = rtp(200, 9);
        DatagramPacket a = datagram(first, PEER);
        DatagramPacket b = datagram(second, PEER);

        channel.writeInbound(a, b);

        assertThat(received).containsExactly(first, second);
        assertThat(arrays.get(1)).isSameAs(arrays.get(0));
        assertThat(a.refCnt()).isZero();
        assertThat(b.refCnt()).isZero();
    }

    @Test
    void whatCannotBeOursIsDroppedAndReleased() {
        List<DatagramPacket> bad = List.of(
                datagram(new byte[0], PEER),                       // empty
                datagram(rtp(100, 2), STRANGER),                   // no valid check from this address
                datagram(new byte[] {0x50, 1, 2, 3}, PEER),        // TURN channel data (RFC 7983): not ours
                datagram(new byte[] {(byte) 0xFF, 1, 2}, PEER),    // no protocol at all
                datagram(rtp(IceServer.MAX_DATAGRAM + 1, 3), PEER), // larger than any read could be: cut, so dropped
                datagram(new byte[] {0, 1}, PEER));                // STUN too short to parse

        channel.writeInbound(bad.toArray());

        assertThat(received).isEmpty();
        assertThat(bad).allSatisfy(p -> assertThat(p.refCnt()).isZero());
        assertThat((Object) channel.readOutbound()).isNull(); // and nothing answered
    }

    @Test
    void aDatagramOfExactlyTheBufferSizeStillFits() {
        byte[] full = rtp(IceServer.MAX_DATAGRAM, 4);
        channel.writeInbound(datagram(full, PEER));
        assertThat(received).containsExactly(full);
    }

    @Test
    void copiesMadeWhileADatagramIsHandledLeaveTogetherOnceItHasBeenHandled() {
        byte[] payload = rtp(300, 5);
        List<Integer> writtenWhenDelivered = new ArrayList<>();
        onPacket = (buf, len) -> {
            writtenWhenDelivered.add(channel.outboundMessages().size());
            for (int i = 0; i < 3; i++) {
                assertThat(socket.send(payload, 0, payload.length, PEER)).isTrue();
            }
            assertThat(channel.outboundMessages()).hasSize(writtenWhenDelivered.get(writtenWhenDelivered.size() - 1));
        };

        channel.writeInbound(datagram(rtp(100, 1), PEER), datagram(rtp(100, 2), PEER));

        // The first datagram's copies were out before the second was handed over: none waits for the next.
        assertThat(writtenWhenDelivered).containsExactly(0, 3);
        assertThat(flushes).hasSize(2);
        List<byte[]> sent = drainOutbound();
        assertThat(sent).hasSize(6).allSatisfy(d -> assertThat(d).isEqualTo(payload));
    }

    @Test
    void aLargeFanOutIsFlushedEveryWriteBatchCopies() {
        int copies = IceServer.WRITE_BATCH * 2 + 3;
        byte[] payload = rtp(500, 6);
        List<Integer> writtenDuringHandling = new ArrayList<>();
        onPacket = (buf, len) -> {
            for (int i = 0; i < copies; i++) {
                socket.send(payload, 0, payload.length, PEER);
            }
            writtenDuringHandling.add(channel.outboundMessages().size());
        };

        channel.writeInbound(datagram(rtp(100, 1), PEER));

        assertThat(writtenDuringHandling).containsExactly(IceServer.WRITE_BATCH * 2);
        assertThat(flushes).hasSize(3);
        assertThat(drainOutbound()).hasSize(copies);
    }

    @Test
    void aSendOutsideAReadIsFlushedAtOnce() {
        byte[] payload = rtp(120, 8);
        assertThat(socket.send(payload, 0, payload.length, PEER)).isTrue();
        assertThat(flushes).hasSize(1);
        assertThat(drainOutbound()).containsExactly(payload);
    }

    @Test
    void sentMemoryIsFreedOnceEveryDatagramIsWrittenAndTheSocketCloses() {
        byte[] payload = rtp(700, 2);
        onPacket = (buf, len) -> {
            for (int i = 0; i < 200; i++) { // several arena chunks
                socket.send(payload, 0, payload.length, PEER);
            }
        };
        channel.writeInbound(datagram(rtp(100, 1), PEER));
        assertThat(drainOutbound()).hasSize(200);
        channel.close(); // the socket lets go of its arena

        assertThat(sentContents).allSatisfy(c -> assertThat(c.refCnt()).isZero());
    }

    @Test
    void sentDatagramsAreCopiesTheCallerMayReuseAtOnce() {
        byte[] buf = rtp(400, 1);
        byte[] original = buf.clone();
        onPacket = (in, len) -> {
            socket.send(buf, 0, buf.length, PEER);
            Arrays.fill(buf, (byte) 0); // the engine reuses its send buffer for the next consumer
        };
        channel.writeInbound(datagram(rtp(100, 1), PEER));
        assertThat(drainOutbound()).containsExactly(original);
    }

    private List<byte[]> drainOutbound() {
        List<byte[]> out = new ArrayList<>();
        Object m;
        while ((m = channel.readOutbound()) != null) {
            DatagramPacket p = (DatagramPacket) m;
            assertThat(p.recipient()).isEqualTo(PEER);
            ByteBuf content = p.content();
            byte[] b = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), b);
            out.add(b);
            sentContents.add(content);
            p.release();
        }
        return out;
    }
}
