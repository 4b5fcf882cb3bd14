package dev.hongyan.gateway.nativeprotocol;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Message ids that stay exact in JavaScript (16 decimal digits, below 2^53) and never collide between
 * the server and its clients: {@code ddHHmmss} followed by an 8-digit suffix. The server's suffix
 * is its 2-digit index and a 6-digit counter (00000000–09999999); a client's suffix is the 5-digit
 * {@code index} the server hands it at register (10000–99999) and a 3-digit counter of its own.
 */
public final class MessageIds {

    static final int MIN_CLIENT_INDEX = 10_000;
    static final int MAX_CLIENT_INDEX = 99_999;

    private final Clock clock;
    private final int serverIndex;
    private final AtomicInteger counter = new AtomicInteger();
    private final AtomicInteger clientIndex = new AtomicInteger(MIN_CLIENT_INDEX - 1);

    public MessageIds(Clock clock, int serverIndex) {
        if (serverIndex < 0 || serverIndex > 9) {
            // The server suffix range ends at 09999999 so that it can never reach the client indexes.
            throw new IllegalArgumentException("serverIndex must be 0..9");
        }
        this.clock = clock;
        this.serverIndex = serverIndex;
    }

    /** A fresh server-side id. */
    public long next() {
        int sequence = counter.getAndUpdate(c -> c >= 999_999 ? 0 : c + 1);
        return timePrefix() * 100_000_000L + serverIndex * 1_000_000L + sequence;
    }

    /** The next client index, round robin over 10000–99999. */
    public int nextClientIndex() {
        return clientIndex.updateAndGet(i -> i >= MAX_CLIENT_INDEX ? MIN_CLIENT_INDEX : i + 1);
    }

    private long timePrefix() {
        LocalDateTime now = LocalDateTime.now(clock);
        return now.getDayOfMonth() * 1_000_000L + now.getHour() * 10_000L + now.getMinute() * 100L + now.getSecond();
    }
}
