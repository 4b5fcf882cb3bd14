package dev.hongyan.media.ortc;

/** {@code encoding.rtx}: the SSRC carrying retransmissions of that encoding. */
public record RtxParameters(long ssrc) {}
