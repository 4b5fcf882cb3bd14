package dev.hongyan.media.bwe;

/**
 * The {@code info} of mediasoup's transport trace event of type {@code "bwe"}, in bits per second.
 *
 * @param type                    {@code "transport-cc"} or {@code "remb"}: which feedback the estimate rests on
 * @param desiredBitrate          what the transport's consumers would send now: the bitrate of the stream
 *                                each forwards (or is switching to)
 * @param effectiveDesiredBitrate the desired bitrate held up for a while after it falls, so that a
 *                                momentary dip (a keyframe gap, a pause) does not look like less demand
 * @param availableBitrate        the estimated capacity of the path to the endpoint
 */
public record BweTraceInfo(String type, long desiredBitrate, long effectiveDesiredBitrate, long availableBitrate) {}
