package dev.hongyan.media.ice;

import java.net.InetSocketAddress;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

final class RecordingListener implements IceTransport.Listener {
    final BlockingQueue<byte[]> packets = new LinkedBlockingQueue<>();
    final BlockingQueue<IceState> states = new LinkedBlockingQueue<>();
    final BlockingQueue<Optional<InetSocketAddress>> selections = new LinkedBlockingQueue<>();

    @Override
    public void onPacket(byte[] buf, int length) {
        packets.add(java.util.Arrays.copyOf(buf, length)); // the socket reuses buf
    }

    @Override
    public void onStateChange(IceState state) {
        states.add(state);
    }

    @Override
    public void onSelectedTupleChange(InetSocketAddress remote) {
        selections.add(Optional.ofNullable(remote));
    }

    IceState nextState() throws InterruptedException {
        return states.poll(3, TimeUnit.SECONDS);
    }

    byte[] nextPacket(long millis) throws InterruptedException {
        return packets.poll(millis, TimeUnit.MILLISECONDS);
    }
}
