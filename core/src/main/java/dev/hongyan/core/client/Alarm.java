package dev.hongyan.core.client;

/** An alarm a terminal raised, as kept by the server. */
public record Alarm(String clientId, String message, String datetime, long receivedAtMillis) {}
