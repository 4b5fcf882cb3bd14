package dev.hongyan.media.dtls;

/** mediasoup's {@code dtlsState} values; FAILED and CLOSED are terminal. */
public enum DtlsState {
    NEW, CONNECTING, CONNECTED, FAILED, CLOSED;

    public boolean isTerminal() {
        return this == FAILED || this == CLOSED;
    }
}
