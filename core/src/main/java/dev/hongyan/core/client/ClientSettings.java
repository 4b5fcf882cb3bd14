package dev.hongyan.core.client;

/**
 * @param heartbeatTimeoutMillis a client silent for longer is closed
 * @param alarmsKept alarms remembered per client
 * @param presenceScope who hears client::online / client::offline
 */
public record ClientSettings(long heartbeatTimeoutMillis, int alarmsKept, PresenceScope presenceScope) {}
