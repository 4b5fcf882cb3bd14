package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.ClientCertificateType;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

import java.io.IOException;
import java.util.Hashtable;

/** Our side of a handshake in which the remote is the DTLS client (typically a browser's send transport). */
final class DtlsServerPeer extends DefaultTlsServer implements NegotiatingPeer {
    private final HandshakeSpec spec;
    private volatile SrtpProfile selectedProfile;
    private volatile SrtpKeyMaterial keys;

    DtlsServerPeer(HandshakeSpec spec) {
        super(spec.crypto());
        this.spec = spec;
    }

    @Override
    public SrtpProfile selectedProfile() {
        return selectedProfile;
    }

    @Override
    public SrtpKeyMaterial keys() {
        return keys;
    }

    /** bctls allows the exporter only from inside this callback. */
    @Override
    public void notifyHandshakeComplete() throws IOException {
        super.notifyHandshakeComplete();
        keys = SrtpKeyMaterial.export(context, selectedProfile);
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
        return ProtocolVersion.DTLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
        return spec.serverCipherSuites();
    }

    @Override
    protected TlsCredentialedSigner getECDSASignerCredentials() {
        return spec.signer(context);
    }

    /** WebRTC authenticates both ends (RFC 8827 §6.5), so the client must present its certificate. */
    @Override
    public CertificateRequest getCertificateRequest() {
        short[] types = {ClientCertificateType.ecdsa_sign, ClientCertificateType.rsa_sign};
        return new CertificateRequest(types, TlsUtils.getDefaultSupportedSignatureAlgorithms(context), null);
    }

    @Override
    public void notifyClientCertificate(Certificate clientCertificate) throws IOException {
        spec.verifyPeer(clientCertificate);
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processClientExtensions(Hashtable clientExtensions) throws IOException {
        super.processClientExtensions(clientExtensions);
        UseSRTPData offered = TlsSRTPUtils.getUseSRTPExtension(clientExtensions);
        if (offered == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "client did not offer use_srtp");
        }
        SrtpProfile chosen = SrtpProfiles.select(spec.srtpProfiles(), offered.getProtectionProfiles());
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "no SRTP profile in common");
        }
        selectedProfile = chosen;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getServerExtensions() throws IOException {
        Hashtable extensions = super.getServerExtensions();
        // RFC 5764 §4.1.1: exactly one profile, and an empty MKI since we never use MKIs.
        TlsSRTPUtils.addUseSRTPExtension(extensions,
                new UseSRTPData(new int[] {selectedProfile.dtlsId()}, TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return spec.requireExtendedMasterSecret();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return spec.timeoutMillis();
    }

    /** We pin by fingerprint; how the peer signed its own self-signed certificate is irrelevant. */
    @Override
    public boolean shouldCheckSigAlgOfPeerCerts() {
        return false;
    }

    @Override
    public void notifyAlertReceived(short alertLevel, short alertDescription) {
        spec.events().alertReceived(alertLevel, alertDescription);
    }

    @Override
    public void notifyAlertRaised(short alertLevel, short alertDescription, String message, Throwable cause) {
        spec.events().alertRaised(alertLevel, alertDescription, message, cause);
    }
}
