package dev.hongyan.media.dtls;

/** What the bctls peers report back to their {@link DtlsTransport} from inside bctls's calls. */
interface PeerEvents {
    void alertReceived(short level, short description);

    void alertRaised(short level, short description, String message, Throwable cause);

    void fingerprintMismatch(String expected);
}
