package dev.hongyan.media.dtls;

import dev.hongyan.media.srtp.SrtpProfile;
import java.util.List;

/** use_srtp negotiation over the one {@link SrtpProfile} enum the srtp package defines. */
final class SrtpProfiles {
    private SrtpProfiles() {
    }

    /**
     * The first of {@code preference} that the peer offered, or null. As server we pick by our order,
     * not the client's, as OpenSSL does, so the operator's preference holds whatever the browser sends.
     */
    static SrtpProfile select(List<SrtpProfile> preference, int[] offered) {
        for (SrtpProfile candidate : preference) {
            for (int code : offered) {
                if (candidate.dtlsId() == code) {
                    return candidate;
                }
            }
        }
        return null;
    }
}
