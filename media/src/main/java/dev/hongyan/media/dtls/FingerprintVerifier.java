package dev.hongyan.media.dtls;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pins the peer's certificate to the fingerprints it announced in signaling. We use the strongest hash
 * among them that we support and accept the certificate if any fingerprint of that hash matches; RFC 8122
 * §5 forbids trusting a match on a weaker hash when a stronger one was offered.
 */
final class FingerprintVerifier {
    private final FingerprintAlgorithm algorithm;
    private final List<DtlsFingerprint> candidates;

    FingerprintVerifier(List<DtlsFingerprint> remoteFingerprints) {
        Optional<FingerprintAlgorithm> strongest = remoteFingerprints.stream()
                .map(f -> FingerprintAlgorithm.fromWireName(f.algorithm()))
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder());
        this.algorithm = strongest.orElseThrow(() -> new IllegalArgumentException(
                "no remote fingerprint with a supported algorithm: " + remoteFingerprints));
        this.candidates = remoteFingerprints.stream()
                .filter(f -> FingerprintAlgorithm.fromWireName(f.algorithm()).orElse(null) == algorithm)
                .toList();
    }

    boolean matches(byte[] certificateDer) {
        return candidates.stream().anyMatch(f -> f.matches(certificateDer));
    }

    String describe() {
        return algorithm.wireName() + " " + candidates.stream().map(DtlsFingerprint::value).toList();
    }
}
