package dev.hongyan.media.srtp;

/**
 * The SRTP state of one transport: an outbound context keyed with our write key and an inbound
 * context keyed with the peer's. {@code protect*} go out, {@code unprotect*} come in.
 *
 * <p>Not thread-safe: one transport's packets run on one event loop.
 */
public final class SrtpSession {
    private final SrtpContext outbound;
    private final SrtpContext inbound;

    public SrtpSession(SrtpProfile profile, SrtpMasterKey local, SrtpMasterKey remote, int replayWindow) {
        this.outbound = SrtpContext.create(profile, local, replayWindow);
        this.inbound = SrtpContext.create(profile, remote, replayWindow);
    }

    SrtpSession(SrtpContext outbound, SrtpContext inbound) {
        this.outbound = outbound;
        this.inbound = inbound;
    }

    /**
     * Keys a session from DTLS exporter output ({@link SrtpKeyingMaterial#EXPORTER_LABEL},
     * {@link SrtpProfile#exporterLength()} bytes). {@code dtlsClient} is our DTLS role.
     */
    public static SrtpSession fromDtls(SrtpProfile profile, byte[] exported, boolean dtlsClient, int replayWindow) {
        SrtpKeyingMaterial material = SrtpKeyingMaterial.split(profile, exported);
        return new SrtpSession(profile, material.local(dtlsClient), material.remote(dtlsClient), replayWindow);
    }

    public static SrtpSession fromDtls(SrtpProfile profile, byte[] exported, boolean dtlsClient) {
        return fromDtls(profile, exported, dtlsClient, SrtpContext.DEFAULT_REPLAY_WINDOW);
    }

    public SrtpProfile profile() {
        return outbound.profile();
    }

    public int rtpOverhead() {
        return outbound.rtpOverhead();
    }

    public int rtcpOverhead() {
        return outbound.rtcpOverhead();
    }

    /** @see SrtpContext#protectRtp */
    public int protectRtp(byte[] buf, int off, int len) {
        return outbound.protectRtp(buf, off, len);
    }

    /** @see SrtpContext#unprotectRtp */
    public int unprotectRtp(byte[] buf, int off, int len) {
        return inbound.unprotectRtp(buf, off, len);
    }

    /** @see SrtpContext#protectRtcp */
    public int protectRtcp(byte[] buf, int off, int len) {
        return outbound.protectRtcp(buf, off, len);
    }

    /** @see SrtpContext#unprotectRtcp */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        return inbound.unprotectRtcp(buf, off, len);
    }

    /** Drops the state of an SSRC we send. */
    public void removeOutboundSsrc(int ssrc) {
        outbound.removeSsrc(ssrc);
    }

    /** Drops the state of an SSRC we receive. */
    public void removeInboundSsrc(int ssrc) {
        inbound.removeSsrc(ssrc);
    }
}
