package dev.hongyan.media.ice;

import com.fasterxml.jackson.annotation.JsonValue;

/** mediasoup's iceState values. */
public enum IceState {
    NEW, CONNECTED, COMPLETED, DISCONNECTED, CLOSED;

    /** "new", "connected", ... as mediasoup spells them. */
    @JsonValue
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
