package dev.hongyan.bench;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Local addresses the clients connect from. One (source IP, server IP:port) pair has about 28,000
 * ephemeral ports here, and a closed connection can hold its port in TIME_WAIT for a minute; so clients
 * are spread over 127.x.y.z addresses (all of 127/8 is loopback on Linux), at most {@code perAddress}
 * each.
 */
record SourceAddresses(List<InetAddress> addresses, int perAddress) {

    SourceAddresses {
        addresses = List.copyOf(addresses);
        if (addresses.isEmpty() || perAddress <= 0) {
            throw new IllegalArgumentException("need at least one source address and a positive count per address");
        }
    }

    /**
     * Enough addresses for {@code clients}, counting up from {@code base} and skipping {@code skip}
     * addresses first (so repeated runs do not reuse ports still in TIME_WAIT).
     */
    static SourceAddresses plan(String base, int clients, int perAddress, int skip) {
        int count = Math.max(1, (clients + perAddress - 1) / perAddress);
        byte[] start;
        try {
            start = InetAddress.getByName(base).getAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("--source-base is not an address: " + base);
        }
        if (start.length != 4 || start[0] != 127) {
            throw new IllegalArgumentException("--source-base must be an IPv4 loopback address (127.x.y.z): " + base);
        }
        long first = ((start[1] & 0xffL) << 16) | ((start[2] & 0xffL) << 8) | (start[3] & 0xffL);
        List<InetAddress> addresses = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long value = first + skip + i;
            if (value >= (1L << 24) - 1) {
                throw new IllegalArgumentException("ran out of 127/8 source addresses");
            }
            byte[] bytes = {127, (byte) (value >> 16), (byte) (value >> 8), (byte) value};
            try {
                addresses.add(InetAddress.getByAddress(bytes));
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are always an address", e);
            }
        }
        return new SourceAddresses(addresses, perAddress);
    }

    InetAddress forClient(int i) {
        return addresses.get(Math.min(addresses.size() - 1, i / perAddress));
    }

    List<String> describe() {
        return addresses.stream().map(InetAddress::getHostAddress).toList();
    }
}
