package dev.hongyan.media;

import dev.hongyan.media.bwe.BweTraceInfo;

/**
 * mediasoup's {@code TransportTraceEventData}, for the one type the engine emits: {@code "bwe"}, direction
 * {@code "out"} (our estimate of the path to the endpoint). There is no {@code "probation"}: the engine
 * does not probe.
 *
 * @param timestamp epoch milliseconds
 */
public record TransportTraceEvent(String type, long timestamp, String direction, BweTraceInfo info) {
    public static final String BWE = "bwe";
}
