package dev.hongyan.server;

/** The login throttle: after {@code loginMaxFailures} failures in the window, locked for a while. */
record SecuritySettings(int loginMaxFailures, long loginFailureWindowMillis, long loginLockMillis) {}
