package dev.hongyan.media;

/** What an inbound SSRC is: one producer's stream (encoding), its media or its RTX. */
record StreamRef(Producer producer, int encodingIdx, boolean rtx, int ssrc) {
}
