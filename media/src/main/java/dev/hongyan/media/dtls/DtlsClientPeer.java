package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.CertificateRequest;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsCredentials;
import org.bouncycastle.tls.TlsExtensionsUtils;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsSRTPUtils;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.UseSRTPData;

import java.io.IOException;
import java.util.Hashtable;

/** Our side of a handshake in which we are the DTLS client (remote said "server" or "auto"). */
final class DtlsClientPeer extends DefaultTlsClient implements NegotiatingPeer {
    private final HandshakeSpec spec;
    private volatile SrtpProfile selectedProfile;
    private volatile SrtpKeyMaterial keys;

    DtlsClientPeer(HandshakeSpec spec) {
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
        return spec.clientCipherSuites();
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public Hashtable getClientExtensions() throws IOException {
        Hashtable extensions = TlsExtensionsUtils.ensureExtensionsInitialised(super.getClientExtensions());
        TlsSRTPUtils.addUseSRTPExtension(extensions, new UseSRTPData(spec.srtpProfileCodes(), TlsUtils.EMPTY_BYTES));
        return extensions;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public void processServerExtensions(Hashtable serverExtensions) throws IOException {
        super.processServerExtensions(serverExtensions);
        UseSRTPData answer = serverExtensions == null ? null : TlsSRTPUtils.getUseSRTPExtension(serverExtensions);
        if (answer == null) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "server did not answer use_srtp");
        }
        // RFC 5764 §4.1.1: the server picks exactly one of ours and echoes our (empty) MKI.
        int[] profiles = answer.getProtectionProfiles();
        if (profiles.length != 1 || answer.getMki().length != 0) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "malformed use_srtp answer");
        }
        SrtpProfile chosen = SrtpProfiles.select(spec.srtpProfiles(), profiles);
        if (chosen == null) {
            throw new TlsFatalAlert(AlertDescription.illegal_parameter, "server chose an SRTP profile we did not offer");
        }
        selectedProfile = chosen;
    }

    @Override
    public TlsAuthentication getAuthentication() {
        return new TlsAuthentication() {
            @Override
            public void notifyServerCertificate(TlsServerCertificate serverCertificate) throws IOException {
                spec.verifyPeer(serverCertificate.getCertificate());
            }

            @Override
            public TlsCredentials getClientCredentials(CertificateRequest request) {
                return spec.signer(context);
            }
        };
    }

    @Override
    public boolean requiresExtendedMasterSecret() {
        return spec.requireExtendedMasterSecret();
    }

    @Override
    public int getHandshakeTimeoutMillis() {
        return spec.timeoutMillis();
    }

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
