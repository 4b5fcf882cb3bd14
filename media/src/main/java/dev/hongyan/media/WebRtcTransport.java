package dev.hongyan.media;

import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.dtls.DtlsState;
import dev.hongyan.media.ice.IceCandidate;
import dev.hongyan.media.ice.IceParameters;
import dev.hongyan.media.ice.IceState;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * mediasoup's WebRtcTransport: ICE-lite on the engine's shared UDP port, DTLS-SRTP, and the producers
 * and consumers it carries. Closing it closes them (producers fire {@code transportclose}, and through
 * them their consumers fire {@code producerclose}; its consumers fire {@code transportclose}).
 *
 * <p>The owner should close the transport when {@link Listener#onIceStateChange} reports
 * {@code disconnected} (consent lost) or {@link Listener#onDtlsStateChange} reports {@code failed}/{@code closed},
 * as mediasoup-demo does; the engine only reports.
 */
public final class WebRtcTransport {

    /** Events on the engine's loop. */
    public interface Listener {
        default void onIceStateChange(IceState state) {}

        /** The tuple media now flows on, or null when none is left. */
        default void onIceSelectedTupleChange(TransportTuple tuple) {}

        default void onDtlsStateChange(DtlsState state) {}

        /** Closed because its router closed ({@code routerclose}); {@link #onClose()} follows. */
        default void onRouterClose() {}

        /** Closed for whatever reason (mediasoup's observer {@code close}). */
        default void onClose() {}
    }

    public String id() {
        throw new UnsupportedOperationException("skeleton");
    }

    public Map<String, Object> appData() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code {usernameFragment, password, iceLite: true}}; changes on {@link #restartIce()}. */
    public IceParameters iceParameters() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** The engine's host candidate(s): {@code [{foundation, priority, ip, address, protocol, port, type}]}. */
    public List<IceCandidate> iceCandidates() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Always "controlled": ICE-lite. */
    public String iceRole() {
        return "controlled";
    }

    public IceState iceState() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Null until a connectivity check succeeds. */
    public TransportTuple iceSelectedTuple() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code {role: "auto", fingerprints: [...]}}. */
    public DtlsParameters dtlsParameters() {
        throw new UnsupportedOperationException("skeleton");
    }

    public DtlsState dtlsState() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Null: no SCTP (data channels) yet. */
    public Object sctpParameters() {
        return null;
    }

    /**
     * mediasoup's {@code connect({dtlsParameters})}: the remote's fingerprints and role ("client" or
     * "server"; "auto" makes us the client). Fails if already connected.
     */
    public CompletableFuture<Void> connect(DtlsParameters remote) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** New ICE credentials; media keeps flowing on the current tuple meanwhile. */
    public CompletableFuture<IceParameters> restartIce() {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * mediasoup's {@code transport.produce(options)}. Fails with {@code dev.hongyan.media.ortc.OrtcException}
     * for parameters the router cannot receive, and with IllegalStateException for a duplicate id, SSRC,
     * MID or RID on this transport.
     */
    public CompletableFuture<Producer> produce(ProducerOptions options) {
        throw new UnsupportedOperationException("skeleton");
    }

    /**
     * mediasoup's {@code transport.consume(options)}: fails when the producer is unknown or the
     * capabilities cannot receive it. The consumer starts paused unless {@code options.paused()} is false.
     */
    public CompletableFuture<Consumer> consume(ConsumerOptions options) {
        throw new UnsupportedOperationException("skeleton");
    }

    /** {@code [webrtc-transport stats]}. */
    public CompletableFuture<List<WebRtcTransportStats>> getStats() {
        throw new UnsupportedOperationException("skeleton");
    }

    public boolean closed() {
        throw new UnsupportedOperationException("skeleton");
    }

    /** Closes the transport and its producers and consumers. Idempotent. */
    public CompletableFuture<Void> close() {
        throw new UnsupportedOperationException("skeleton");
    }

    public void addListener(Listener listener) {
        throw new UnsupportedOperationException("skeleton");
    }
}
