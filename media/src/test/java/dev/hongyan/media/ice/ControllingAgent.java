package dev.hongyan.media.ice;

import dev.hongyan.media.stun.StunAttribute;
import dev.hongyan.media.stun.StunAttribute.IceControlled;
import dev.hongyan.media.stun.StunAttribute.IceControlling;
import dev.hongyan.media.stun.StunAttribute.Priority;
import dev.hongyan.media.stun.StunAttribute.UseCandidate;
import dev.hongyan.media.stun.StunAttribute.Username;
import dev.hongyan.media.stun.StunClass;
import dev.hongyan.media.stun.StunMessage;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/** A plain UDP socket playing the browser: a full, controlling ICE agent sending checks to the server. */
final class ControllingAgent implements AutoCloseable {
    final DatagramSocket socket;
    private final InetSocketAddress server;
    private final Random random = new Random();

    ControllingAgent(InetSocketAddress server) throws IOException {
        // The server's own address: an IPv6 server gets an IPv6 peer, an IPv4 one an IPv4 peer.
        this.socket = new DatagramSocket(new InetSocketAddress(server.getAddress(), 0));
        this.socket.setSoTimeout(2000);
        this.server = server;
    }

    InetSocketAddress localAddress() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    /** A connectivity check as libwebrtc sends it; returns its transaction id. */
    byte[] sendCheck(String username, String password, boolean useCandidate, boolean controlling) throws IOException {
        byte[] tx = StunMessage.newTransactionId(random);
        List<StunAttribute> attrs = new ArrayList<>();
        attrs.add(new Username(username));
        attrs.add(new Priority(1853824767L));
        attrs.add(controlling ? new IceControlling(random.nextLong()) : new IceControlled(random.nextLong()));
        if (useCandidate) {
            attrs.add(new UseCandidate());
        }
        byte[] key = password == null ? null : password.getBytes(StandardCharsets.UTF_8);
        send(StunMessage.of(StunClass.REQUEST, StunMessage.METHOD_BINDING, tx, attrs).encode(key, true));
        return tx;
    }

    byte[] check(IceParameters server, boolean useCandidate) throws IOException {
        return sendCheck(server.usernameFragment() + ":peer", server.password(), useCandidate, true);
    }

    void send(byte[] bytes) throws IOException {
        socket.send(new DatagramPacket(bytes, bytes.length, server));
    }

    /** The next datagram, or null if none arrives within the timeout. */
    byte[] receive(int timeoutMillis) throws IOException {
        socket.setSoTimeout(timeoutMillis);
        byte[] buf = new byte[2048];
        DatagramPacket p = new DatagramPacket(buf, buf.length);
        try {
            socket.receive(p);
        } catch (SocketTimeoutException e) {
            return null;
        }
        return Arrays.copyOf(buf, p.getLength());
    }

    StunMessage receiveStun() throws Exception {
        byte[] b = receive(2000);
        if (b == null) {
            throw new AssertionError("no STUN response");
        }
        return StunMessage.parse(b);
    }

    @Override
    public void close() {
        socket.close();
    }
}
