package dev.hongyan.media.dtls;

import java.util.List;
import java.util.Objects;

/** mediasoup's {@code dtlsParameters}: {@code {role, fingerprints[]}}. */
public record DtlsParameters(DtlsRole role, List<DtlsFingerprint> fingerprints) {

    public DtlsParameters {
        role = role == null ? DtlsRole.AUTO : role;
        fingerprints = List.copyOf(Objects.requireNonNull(fingerprints, "fingerprints"));
    }
}
