package dev.hongyan.media.ice;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ICE side of one WebRTC transport on the shared port: its local credentials, the remote tuples that
 * passed a check, the selected tuple, and the state mediasoup reports as {@code iceState}.
 *
 * <p>Being ICE-lite and controlled (RFC 8445 §2.5), it never sends checks; it only answers them. Selection
 * follows mediasoup: the first valid check selects its tuple provisionally (state connected) so DTLS can
 * start at once; a check with USE-CANDIDATE nominates its tuple (state completed), and a later nomination
 * moves the selection (RFC 8445 §7.3.1.5, libwebrtc renominates this way).
 *
 * <p>Threads: {@link Listener#onPacket} runs on the event loop owning the socket and must not block.
 * State callbacks run on an event loop, or on the thread calling {@link #close()}. {@link #send} may be
 * called from any thread; it is cheapest on the socket's event loop. Control methods are thread-safe.
 */
public final class IceTransport {

    /** What the owner (the engine's WebRtcTransport) hears. */
    public interface Listener {
        /**
         * A DTLS, RTP or RTCP datagram from a validated tuple: {@code buf[0, length)}. The array belongs to
         * the socket and is reused for the next datagram once this returns; it may be changed in place
         * (decrypted) meanwhile, and must be copied by a listener that keeps it or hands it to another thread.
         */
        void onPacket(byte[] buf, int length);

        /** new → connected → completed; disconnected when consent is lost (the owner should close); closed. */
        default void onStateChange(IceState state) {}

        /** Where {@link #send} now goes, or null when there is no selected tuple. */
        default void onSelectedTupleChange(InetSocketAddress remote) {}
    }

    private static final Logger log = LoggerFactory.getLogger(IceTransport.class);
    /** Bounds the remote addresses one set of credentials can pin (a peer has a handful of candidates). */
    static final int MAX_TUPLES = 8;

    /** Credentials and the HMAC key derived from them, swapped together by restartIce. */
    record Credentials(IceParameters parameters, byte[] key) {
        Credentials(IceParameters parameters) {
            this(parameters, parameters.password().getBytes(StandardCharsets.UTF_8));
        }

        String ufrag() {
            return parameters.usernameFragment();
        }
    }

    private final IceRegistry registry;
    private final Supplier<IceParameters> generator;
    private final List<IceCandidate> candidates;
    private final long consentTimeoutNanos;
    private final Listener listener;
    private final ArrayList<IceTuple> tuples = new ArrayList<>(2); // guarded by this
    private volatile Credentials credentials;
    private volatile IceState state = IceState.NEW;
    private volatile IceTuple selected;

    IceTransport(IceRegistry registry, Supplier<IceParameters> generator, List<IceCandidate> candidates,
            IceTransportOptions options, Listener listener) {
        this.registry = registry;
        this.generator = generator;
        this.candidates = List.copyOf(candidates);
        this.consentTimeoutNanos = options.consentTimeout().toNanos();
        this.listener = listener;
    }

    /** Called once by the server after construction, so the ufrag is never published half-built. */
    void register() {
        credentials = new Credentials(registry.claimNewUfrag(this, generator));
        registry.add(this);
    }

    public IceParameters parameters() {
        return credentials.parameters();
    }

    public List<IceCandidate> candidates() {
        return candidates;
    }

    public IceState state() {
        return state;
    }

    /** The remote address {@link #send} goes to, or null. */
    public InetSocketAddress selectedRemoteAddress() {
        IceTuple t = selected;
        return t == null ? null : t.remote;
    }

    public boolean send(byte[] packet) {
        return send(packet, 0, packet.length);
    }

    /**
     * Sends to the selected tuple. Returns false (and drops) when there is none or the socket's buffer is
     * full: for UDP media, dropping beats queueing without bound.
     */
    public boolean send(byte[] packet, int offset, int length) {
        IceTuple t = selected;
        return t != null && t.socket.send(packet, offset, length, t.remote);
    }

    /**
     * New credentials, as mediasoup's restartIce: the old ufrag stops being answered at once, the tuples
     * stay (media keeps flowing) and must be re-validated with the new credentials before consent expires.
     */
    public IceParameters restartIce() {
        IceParameters fresh = registry.claimNewUfrag(this, generator);
        Credentials old;
        synchronized (this) {
            if (state == IceState.CLOSED) {
                registry.releaseUfrag(fresh.usernameFragment(), this);
                throw new IllegalStateException("ICE transport closed");
            }
            old = credentials;
            credentials = new Credentials(fresh);
        }
        registry.releaseUfrag(old.ufrag(), this);
        return fresh;
    }

    /** Unregisters everything; the listener hears {@link IceState#CLOSED} once. Idempotent. */
    public void close() {
        List<IceTuple> gone;
        synchronized (this) {
            if (state == IceState.CLOSED) {
                return;
            }
            state = IceState.CLOSED;
            selected = null;
            gone = new ArrayList<>(tuples);
            tuples.clear();
        }
        registry.releaseUfrag(credentials.ufrag(), this);
        gone.forEach(registry::unbindTuple);
        registry.remove(this);
        fireState(IceState.CLOSED);
    }

    public boolean isClosed() {
        return state == IceState.CLOSED;
    }

    Credentials credentials() {
        return credentials;
    }

    /** Hot path: one call per received media datagram. */
    void deliver(byte[] buf, int length) {
        try {
            listener.onPacket(buf, length);
        } catch (RuntimeException e) {
            log.warn("ICE listener failed on a packet", e);
        }
    }

    /**
     * A Binding request from {@code remote} passed integrity. Returns false when closed (no answer then).
     */
    boolean onValidCheck(UdpSocket socket, InetSocketAddress remote, boolean useCandidate, long nowNanos) {
        IceTuple displaced = null;
        IceState newState = null;
        boolean selectionChanged = false;
        IceTuple nowSelected;
        synchronized (this) {
            if (state == IceState.CLOSED) {
                return false;
            }
            IceTuple tuple = find(remote);
            if (tuple == null) {
                if (tuples.size() >= MAX_TUPLES) {
                    evictOldestUnselected();
                }
                tuple = new IceTuple(this, socket, remote, nowNanos);
                tuples.add(tuple);
                displaced = registry.bindTuple(tuple);
            }
            tuple.lastCheckNanos = nowNanos;
            IceState before = state;
            IceTuple beforeSelected = selected;
            switch (before) {
                case NEW, DISCONNECTED -> {
                    selected = tuple;
                    state = useCandidate ? IceState.COMPLETED : IceState.CONNECTED;
                }
                case CONNECTED -> {
                    if (useCandidate) {
                        selected = tuple;
                        state = IceState.COMPLETED;
                    }
                }
                case COMPLETED -> {
                    if (useCandidate) {
                        selected = tuple;
                    }
                }
                default -> { }
            }
            if (state != before) {
                newState = state;
            }
            selectionChanged = selected != beforeSelected;
            nowSelected = selected;
        }
        if (displaced != null && displaced.transport != this) {
            displaced.transport.forget(displaced); // outside our lock: never hold two transports' locks
        }
        if (selectionChanged) {
            log.debug("ICE {} selected {}", credentials.ufrag(), nowSelected.remote);
            fireSelected(nowSelected.remote);
        }
        if (newState != null) {
            fireState(newState);
        }
        return true;
    }

    /** Another transport took this address (the peer reused a port); drop it here without touching the map. */
    void forget(IceTuple tuple) {
        boolean lostSelection;
        IceTuple replacement = null;
        boolean disconnected = false;
        synchronized (this) {
            if (!tuples.remove(tuple)) {
                return;
            }
            lostSelection = selected == tuple;
            if (lostSelection) {
                replacement = mostRecent();
                selected = replacement;
                if (replacement == null && (state == IceState.CONNECTED || state == IceState.COMPLETED)) {
                    state = IceState.DISCONNECTED;
                    disconnected = true;
                }
            }
        }
        if (lostSelection) {
            fireSelected(replacement == null ? null : replacement.remote);
        }
        if (disconnected) {
            fireState(IceState.DISCONNECTED);
        }
    }

    /**
     * Consent freshness (RFC 7675): if the selected tuple has not passed a check within the timeout, stop
     * using every tuple and report disconnected. Stale unselected tuples are dropped quietly.
     */
    void checkConsent(long nowNanos) {
        if (consentTimeoutNanos == 0) {
            return;
        }
        List<IceTuple> gone = new ArrayList<>(0);
        boolean lost = false;
        synchronized (this) {
            if (state != IceState.CONNECTED && state != IceState.COMPLETED) {
                return;
            }
            IceTuple current = selected;
            if (current != null && nowNanos - current.lastCheckNanos > consentTimeoutNanos) {
                gone.addAll(tuples);
                tuples.clear();
                selected = null;
                state = IceState.DISCONNECTED;
                lost = true;
            } else {
                for (var it = tuples.iterator(); it.hasNext(); ) {
                    IceTuple t = it.next();
                    if (t != current && nowNanos - t.lastCheckNanos > consentTimeoutNanos) {
                        it.remove();
                        gone.add(t);
                    }
                }
            }
        }
        gone.forEach(registry::unbindTuple);
        if (lost) {
            log.debug("ICE {} lost consent", credentials.ufrag());
            fireSelected(null);
            fireState(IceState.DISCONNECTED);
        }
    }

    private IceTuple find(InetSocketAddress remote) {
        for (IceTuple t : tuples) {
            if (t.remote.equals(remote)) {
                return t;
            }
        }
        return null;
    }

    private IceTuple mostRecent() {
        IceTuple best = null;
        for (IceTuple t : tuples) {
            if (best == null || t.lastCheckNanos - best.lastCheckNanos > 0) {
                best = t;
            }
        }
        return best;
    }

    private void evictOldestUnselected() {
        IceTuple oldest = null;
        for (IceTuple t : tuples) {
            if (t != selected && (oldest == null || t.lastCheckNanos - oldest.lastCheckNanos < 0)) {
                oldest = t;
            }
        }
        if (oldest != null) {
            tuples.remove(oldest);
            registry.unbindTuple(oldest);
        }
    }

    private void fireState(IceState s) {
        try {
            listener.onStateChange(s);
        } catch (RuntimeException e) {
            log.warn("ICE listener failed on state {}", s, e);
        }
    }

    private void fireSelected(InetSocketAddress remote) {
        try {
            listener.onSelectedTupleChange(remote);
        } catch (RuntimeException e) {
            log.warn("ICE listener failed on tuple change", e);
        }
    }

    @Override
    public String toString() {
        Credentials c = credentials;
        return "IceTransport[" + (c == null ? "?" : c.ufrag()) + " " + state + " " + selectedRemoteAddress() + "]";
    }
}
