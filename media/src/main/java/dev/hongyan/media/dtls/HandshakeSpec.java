package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.CipherSuite;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsContext;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsUtils;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.util.List;

/**
 * What one handshake needs, shared by the client and server peers (which cannot share a base class, since
 * bctls makes them extend different ones).
 */
record HandshakeSpec(
        BcTlsCrypto crypto,
        DtlsCertificate certificate,
        Certificate certificateChain,
        List<SrtpProfile> srtpProfiles,
        FingerprintVerifier verifier,
        boolean requireExtendedMasterSecret,
        int timeoutMillis,
        PeerEvents events) {

    /** Our certificate is ECDSA P-256, so this is the only signature we ever make. */
    static final SignatureAndHashAlgorithm ECDSA_P256_SHA256 =
            SignatureAndHashAlgorithm.getInstance(HashAlgorithm.sha256, SignatureAlgorithm.ecdsa);

    /** ECDSA suites in Chromium's order; our ECDSA certificate can serve only these. */
    private static final int[] ECDSA_SUITES = {
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA,
    };

    /** As client we also accept a server with an RSA certificate (older or embedded WebRTC stacks). */
    private static final int[] RSA_SUITES = {
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
            CipherSuite.TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA,
            CipherSuite.TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA,
    };

    int[] serverCipherSuites() {
        return TlsUtils.getSupportedCipherSuites(crypto, ECDSA_SUITES);
    }

    int[] clientCipherSuites() {
        int[] all = new int[ECDSA_SUITES.length + RSA_SUITES.length];
        System.arraycopy(ECDSA_SUITES, 0, all, 0, ECDSA_SUITES.length);
        System.arraycopy(RSA_SUITES, 0, all, ECDSA_SUITES.length, RSA_SUITES.length);
        return TlsUtils.getSupportedCipherSuites(crypto, all);
    }

    int[] srtpProfileCodes() {
        return srtpProfiles.stream().mapToInt(SrtpProfile::dtlsId).toArray();
    }

    TlsCredentialedSigner signer(TlsContext context) {
        return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), crypto,
                certificate.privateKey(), certificateChain, ECDSA_P256_SHA256);
    }

    /**
     * Pins the peer's leaf certificate to the signaled fingerprint. No chain or name checks: WebRTC
     * certificates are self-signed and the fingerprint is the whole trust model (RFC 8827 §6.5).
     */
    void verifyPeer(Certificate peerChain) throws IOException {
        if (peerChain == null || peerChain.isEmpty()) {
            throw new TlsFatalAlert(AlertDescription.handshake_failure, "peer sent no certificate");
        }
        byte[] leaf = peerChain.getCertificateAt(0).getEncoded();
        if (!verifier.matches(leaf)) {
            events.fingerprintMismatch(verifier.describe());
            throw new TlsFatalAlert(AlertDescription.bad_certificate,
                    "peer certificate does not match the signaled fingerprint " + verifier.describe());
        }
    }
}
