package dev.hongyan.core.account;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing: after {@code maxFailures} failures for one key (account name and
 * remote address) within {@code windowMillis}, that key is locked for {@code lockMillis}. Used for
 * logins and room passwords alike.
 */
public final class LoginThrottle {

    /** Bounds memory when an attacker sprays random names. */
    private static final int MAX_TRACKED_KEYS = 100_000;

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final long windowMillis;
    private final long lockMillis;

    public LoginThrottle(Clock clock, int maxFailures, long windowMillis, long lockMillis) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.windowMillis = windowMillis;
        this.lockMillis = lockMillis;
    }

    /** Milliseconds until the key may try again; 0 when it may try now. */
    public long lockedFor(String key) {
        Failures entry = failures.get(key);
        if (entry == null) {
            return 0;
        }
        long now = clock.millis();
        return Math.max(0, entry.lockedUntil - now);
    }

    public void recordFailure(String key) {
        long now = clock.millis();
        if (failures.size() >= MAX_TRACKED_KEYS) {
            failures.values().removeIf(f -> f.windowStart + windowMillis < now && f.lockedUntil < now);
        }
        failures.compute(key, (k, entry) -> {
            Failures next = entry == null || entry.windowStart + windowMillis < now ? new Failures(now, 0, 0) : entry;
            int count = next.count + 1;
            long lockedUntil = count >= maxFailures ? now + lockMillis : next.lockedUntil;
            return new Failures(next.windowStart, count >= maxFailures ? 0 : count, lockedUntil);
        });
    }

    public void recordSuccess(String key) {
        failures.remove(key);
    }

    private record Failures(long windowStart, int count, long lockedUntil) {}
}
