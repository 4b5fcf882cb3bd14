package dev.hongyan.core.media;

import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.ice.IceCandidate;
import dev.hongyan.media.ice.IceParameters;
import java.util.List;

/** What a client needs to create its side of a transport (mediasoup's transport options, no SCTP yet). */
public record TransportInfo(String id, IceParameters iceParameters, List<IceCandidate> iceCandidates,
        DtlsParameters dtlsParameters) {

    public TransportInfo {
        iceCandidates = List.copyOf(iceCandidates);
    }
}
