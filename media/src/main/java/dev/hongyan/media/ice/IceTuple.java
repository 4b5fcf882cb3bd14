package dev.hongyan.media.ice;

import java.net.InetSocketAddress;

/**
 * A remote address that passed a valid check for one transport, and the local socket it arrived on
 * (with SO_REUSEPORT the kernel pins a remote address to one socket, so replies leave from the same one).
 */
final class IceTuple {
    final IceTransport transport;
    final UdpSocket socket;
    final InetSocketAddress remote;
    /** System.nanoTime() of the last valid Binding request from this address (consent, RFC 7675). */
    volatile long lastCheckNanos;

    IceTuple(IceTransport transport, UdpSocket socket, InetSocketAddress remote, long nowNanos) {
        this.transport = transport;
        this.socket = socket;
        this.remote = remote;
        this.lastCheckNanos = nowNanos;
    }

    @Override
    public String toString() {
        return "IceTuple[" + remote + "]";
    }
}
