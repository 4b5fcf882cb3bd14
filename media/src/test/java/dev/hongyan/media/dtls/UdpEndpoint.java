package dev.hongyan.media.dtls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.function.Consumer;

/**
 * A loopback UDP socket standing in for the ICE layer: it feeds received datagrams to a DtlsTransport on its
 * reader thread and sends to a fixed remote, or to the first address it heard from (as ICE-lite learns it).
 */
final class UdpEndpoint implements Consumer<byte[]>, AutoCloseable {
    private final DatagramSocket socket;
    private volatile InetSocketAddress remote;
    private Thread reader;

    UdpEndpoint() throws SocketException {
        socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    }

    int port() {
        return socket.getLocalPort();
    }

    void sendTo(InetSocketAddress address) {
        remote = address;
    }

    void feed(DtlsTransport transport) {
        reader = new Thread(() -> {
            byte[] buffer = new byte[2048];
            while (!socket.isClosed()) {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (IOException e) {
                    return;
                }
                if (remote == null) {
                    remote = (InetSocketAddress) packet.getSocketAddress();
                }
                transport.receive(packet.getData(), packet.getOffset(), packet.getLength());
            }
        }, "udp-" + port());
        reader.setDaemon(true);
        reader.start();
    }

    @Override
    public void accept(byte[] datagram) {
        InetSocketAddress to = remote;
        if (to == null) {
            return;
        }
        try {
            socket.send(new DatagramPacket(datagram, datagram.length, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socket.close();
    }
}
