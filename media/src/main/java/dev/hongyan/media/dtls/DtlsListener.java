package dev.hongyan.media.dtls;

/**
 * What a {@link DtlsTransport} reports. Exactly one of {@link #onFailed} / {@link #onClosed} ends a
 * transport's life, after at most one {@link #onConnected}.
 *
 * <p>Threads: {@code onConnected} runs on a DTLS handshake thread; {@code onApplicationData} and a
 * peer-initiated {@code onClosed} run on the thread that called {@link DtlsTransport#receive} (normally the
 * socket's event loop) or, for data that raced the handshake's end, on the handshake thread; {@code onFailed}
 * may come from a handshake thread, the timeout timer or the receive thread. Implementations must be quick,
 * must not block, and should hop to the owner's executor for anything more than recording the event.
 */
public interface DtlsListener {
    /** The handshake completed and the peer's certificate matched; keys are ready for SRTP. */
    void onConnected(SrtpKeyMaterial keys);

    /** The handshake failed or timed out, the fingerprint did not match, or a fatal alert arrived. */
    void onFailed(String reason);

    /** close_notify arrived from the peer, or {@link DtlsTransport#close()} was called. */
    void onClosed();

    /** One decrypted DTLS application_data record (SCTP for data channels, later). */
    default void onApplicationData(byte[] data) {
    }
}
