package dev.hongyan.core.client;

/**
 * Who is told when a client comes online or goes offline. The spec tells everyone, which costs
 * O(N²) messages while a population registers; large fleets choose a narrower scope.
 */
public enum PresenceScope {
    /** Every other online client (spec 001's default). */
    EVERYONE,
    /** Admin clients only. */
    ADMINS,
    /** Clients of the same account, and admins. */
    SAME_ACCOUNT,
    /** Nobody. */
    NONE
}
