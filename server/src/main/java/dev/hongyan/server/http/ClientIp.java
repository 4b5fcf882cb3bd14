package dev.hongyan.server.http;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/** The client's address for logs, rate limits and gateways. */
public final class ClientIp {

    private ClientIp() {}

    /**
     * The socket's peer address, or, when proxy headers are trusted, the right-most X-Forwarded-For
     * entry: that is the address our own proxy saw; entries left of it were sent by the client and
     * can be forged.
     */
    public static String of(Channel channel, HttpHeaders headers, boolean trustProxyHeaders) {
        if (trustProxyHeaders) {
            String forwarded = headers.get("X-Forwarded-For");
            if (forwarded != null) {
                String[] hops = forwarded.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].trim();
                    if (!hop.isEmpty()) {
                        return hop;
                    }
                }
            }
        }
        return socketIp(channel);
    }

    static String socketIp(Channel channel) {
        SocketAddress address = channel.remoteAddress();
        if (address instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(address);
    }
}
