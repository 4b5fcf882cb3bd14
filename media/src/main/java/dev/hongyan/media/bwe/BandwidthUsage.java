package dev.hongyan.media.bwe;

/** The delay-based detector's verdict (draft-ietf-rmcat-gcc-02 §5.4). */
public enum BandwidthUsage {
    NORMAL,
    /** Queues are building: the path carries less than we send. */
    OVERUSING,
    /** Queues are draining: hold the rate so they can empty. */
    UNDERUSING
}
