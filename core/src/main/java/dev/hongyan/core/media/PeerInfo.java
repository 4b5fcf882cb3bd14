package dev.hongyan.core.media;

/** A joined member as the others see it: mediasoup-demo's {@code {id, displayName, device}}. */
public record PeerInfo(String id, String displayName, PeerDevice device) {}
