package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

/** The result side of a bctls peer, read by {@link DtlsTransport} once the handshake has completed. */
interface NegotiatingPeer {
    /** The SRTP profile agreed in use_srtp, or null before the hellos are exchanged. */
    SrtpProfile selectedProfile();

    /** RFC 5764 §4.2 keys, or null until bctls reports the handshake complete. */
    SrtpKeyMaterial keys();
}
