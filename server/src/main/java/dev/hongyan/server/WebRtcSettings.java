package dev.hongyan.server;

import java.util.List;

/** The iceServers handed to terminals in client::config. */
record WebRtcSettings(List<String> stunUrls, Turn turn) {

    record Turn(String secret, List<String> urls, long ttlSeconds) {}
}
