package dev.hongyan.media.dtls;

import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.operator.DefaultSignatureAlgorithmIdentifierFinder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.bc.BcECContentSignerBuilder;

import java.io.IOException;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The engine's self-signed ECDSA P-256 certificate and key. WebRTC authenticates it only by the fingerprint
 * exchanged in signaling, so it needs no chain, no extensions and no meaningful name. The validity starts
 * in the past so peers with a slow clock still accept it.
 */
public final class DtlsCertificate {
    static final String COMMON_NAME = "hongyan";
    private static final Duration BACKDATE = Duration.ofDays(30);
    private static final Duration LIFETIME = Duration.ofDays(365);

    private final byte[] der;
    private final AsymmetricKeyParameter privateKey;
    private final Instant notBefore;
    private final Instant notAfter;
    private final List<DtlsFingerprint> fingerprints;

    private DtlsCertificate(byte[] der, AsymmetricKeyParameter privateKey, Instant notBefore, Instant notAfter) {
        this.der = der;
        this.privateKey = privateKey;
        this.notBefore = notBefore;
        this.notAfter = notAfter;
        this.fingerprints = Arrays.stream(FingerprintAlgorithm.values())
                .map(a -> new DtlsFingerprint(a.wireName(), a.format(der)))
                .toList();
    }

    public static DtlsCertificate generate(SecureRandom random) {
        return generate(random, Clock.systemUTC());
    }

    public static DtlsCertificate generate(SecureRandom random, Clock clock) {
        ECNamedDomainParameters p256 = new ECNamedDomainParameters(
                SECObjectIdentifiers.secp256r1, ECNamedCurveTable.getByOID(SECObjectIdentifiers.secp256r1));
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(p256, random));
        AsymmetricCipherKeyPair keyPair = generator.generateKeyPair();

        Instant now = clock.instant();
        Instant notBefore = now.minus(BACKDATE);
        Instant notAfter = now.plus(LIFETIME);
        X500Name name = new X500Name("CN=" + COMMON_NAME);
        // Positive and non-zero as RFC 5280 §4.1.2.2 requires; random so two engines never share a serial.
        BigInteger serial = new BigInteger(63, random).add(BigInteger.ONE);
        try {
            X509v3CertificateBuilder builder = new X509v3CertificateBuilder(
                    name, serial, Date.from(notBefore), Date.from(notAfter), name,
                    SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(keyPair.getPublic()));
            AlgorithmIdentifier signatureAlgorithm =
                    new DefaultSignatureAlgorithmIdentifierFinder().find("SHA256withECDSA");
            AlgorithmIdentifier digestAlgorithm =
                    new DefaultDigestAlgorithmIdentifierFinder().find(signatureAlgorithm);
            BcECContentSignerBuilder signer = new BcECContentSignerBuilder(signatureAlgorithm, digestAlgorithm);
            signer.setSecureRandom(random);
            byte[] der = builder.build(signer.build(keyPair.getPrivate())).getEncoded();
            return new DtlsCertificate(der, keyPair.getPrivate(), notBefore, notAfter);
        } catch (IOException | OperatorCreationException e) {
            throw new IllegalStateException("cannot create the DTLS certificate", e);
        }
    }

    /** The certificate in DER, as sent in the DTLS Certificate message. */
    public byte[] der() {
        return der.clone();
    }

    public Instant notBefore() {
        return notBefore;
    }

    public Instant notAfter() {
        return notAfter;
    }

    /** One fingerprint per supported algorithm, sha-1 through sha-512, as mediasoup lists them. */
    public List<DtlsFingerprint> fingerprints() {
        return fingerprints;
    }

    public DtlsFingerprint fingerprint(String algorithm) {
        return fingerprints.stream()
                .filter(f -> f.algorithm().equalsIgnoreCase(algorithm))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm));
    }

    AsymmetricKeyParameter privateKey() {
        return privateKey;
    }

    byte[] derUnsafe() {
        return der;
    }
}
