package dev.hongyan.media.dtls;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DtlsCertificateTest {
    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private final DtlsCertificate certificate =
            DtlsCertificate.generate(new SecureRandom(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void isASelfSignedP256EcdsaCertificateTheJdkAccepts() throws Exception {
        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(certificate.der()));

        assertThat(x509.getSigAlgName()).isEqualTo("SHA256withECDSA");
        assertThat(x509.getPublicKey()).isInstanceOf(ECPublicKey.class);
        assertThat(((ECPublicKey) x509.getPublicKey()).getParams().toString()).contains("secp256r1");
        assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=hongyan");
        assertThat(x509.getIssuerX500Principal()).isEqualTo(x509.getSubjectX500Principal());
        x509.verify(x509.getPublicKey()); // throws if the self-signature is wrong
        assertThat(x509.getSerialNumber().signum()).isPositive();
        assertThat(x509.getNotBefore()).isEqualTo(Date.from(NOW.minus(Duration.ofDays(30))));
        assertThat(x509.getNotAfter()).isEqualTo(Date.from(NOW.plus(Duration.ofDays(365))));
        assertThat(certificate.notBefore()).isEqualTo(NOW.minus(Duration.ofDays(30)));
    }

    @Test
    void fingerprintsMatchAnIndependentDigestOfTheDer() throws Exception {
        List<DtlsFingerprint> fingerprints = certificate.fingerprints();

        assertThat(fingerprints).extracting(DtlsFingerprint::algorithm)
                .containsExactly("sha-1", "sha-224", "sha-256", "sha-384", "sha-512");
        for (DtlsFingerprint fingerprint : fingerprints) {
            String jcaName = fingerprint.algorithm().toUpperCase(Locale.ROOT);
            byte[] digest = MessageDigest.getInstance(jcaName).digest(certificate.der());
            String expected = HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
            assertThat(fingerprint.value()).isEqualTo(expected);
        }
        assertThat(certificate.fingerprint("sha-256").value())
                .hasSize(32 * 3 - 1)
                .matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
    }

    @Test
    void eachGenerationMakesANewKeyAndSerial() {
        DtlsCertificate other = DtlsCertificate.generate(new SecureRandom());
        assertThat(other.fingerprint("sha-256")).isNotEqualTo(certificate.fingerprint("sha-256"));
    }

    @Test
    void fingerprintMatchingIgnoresCase() {
        DtlsFingerprint sha256 = certificate.fingerprint("sha-256");
        DtlsFingerprint lower = new DtlsFingerprint("SHA-256", sha256.value().toLowerCase(Locale.ROOT));

        assertThat(lower.matches(certificate.der())).isTrue();
        assertThat(DtlsFingerprint.of("sha-256", certificate.der())).isEqualTo(sha256);
        assertThat(new DtlsFingerprint("md5", "00").isSupported()).isFalse();
        assertThat(new DtlsFingerprint("md5", "00").matches(certificate.der())).isFalse();
        assertThatThrownBy(() -> DtlsFingerprint.of("md5", certificate.der()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void verifierRefusesListsWithoutASupportedAlgorithm() {
        assertThatThrownBy(() -> new FingerprintVerifier(List.of(new DtlsFingerprint("md5", "00"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FingerprintVerifier(List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void derIsDefensivelyCopied() {
        byte[] der = certificate.der();
        der[0] ^= 1;
        assertThat(certificate.der()).isNotEqualTo(der);
        assertThat(HexFormat.of().formatHex(certificate.der(), 0, 1)).isEqualTo("30"); // DER SEQUENCE
    }
}
