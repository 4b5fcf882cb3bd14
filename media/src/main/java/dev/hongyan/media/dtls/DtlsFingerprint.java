package dev.hongyan.media.dtls;

import java.util.Locale;
import java.util.Objects;

/** One certificate fingerprint in mediasoup's shape: {@code {algorithm: "sha-256", value: "AB:CD:…"}}. */
public record DtlsFingerprint(String algorithm, String value) {

    public DtlsFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(value, "value");
        if (algorithm.isBlank() || value.isBlank()) {
            throw new IllegalArgumentException("fingerprint algorithm and value must not be blank");
        }
    }

    /** The fingerprint of a DER certificate with the given algorithm name ("sha-256", …). */
    public static DtlsFingerprint of(String algorithm, byte[] certificateDer) {
        FingerprintAlgorithm hash = FingerprintAlgorithm.fromWireName(algorithm)
                .orElseThrow(() -> new IllegalArgumentException("unsupported fingerprint algorithm: " + algorithm));
        return new DtlsFingerprint(hash.wireName(), hash.format(certificateDer));
    }

    /** True if the algorithm is one we can compute. Unknown ones are skipped, not rejected. */
    public boolean isSupported() {
        return FingerprintAlgorithm.fromWireName(algorithm).isPresent();
    }

    /** Compares against a DER certificate; hex case and the algorithm token's case do not matter. */
    public boolean matches(byte[] certificateDer) {
        return FingerprintAlgorithm.fromWireName(algorithm)
                .map(hash -> hash.format(certificateDer).equals(value.trim().toUpperCase(Locale.ROOT)))
                .orElse(false);
    }
}
