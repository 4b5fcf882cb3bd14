package dev.hongyan.media.dtls;

import org.bouncycastle.tls.AlertDescription;
import org.bouncycastle.tls.AlertLevel;
import org.bouncycastle.tls.DTLSClientProtocol;
import org.bouncycastle.tls.DTLSServerProtocol;
import org.bouncycastle.tls.DTLSTransport;
import org.bouncycastle.tls.TlsFatalAlert;
import org.bouncycastle.tls.TlsFatalAlertReceived;
import org.bouncycastle.tls.TlsTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One DTLS endpoint per WebRTC transport: runs the handshake in the negotiated role, pins the peer's
 * certificate to its signaled fingerprint, and hands SRTP keys to the {@link DtlsListener}.
 *
 * <p>Life: NEW → {@link #start} → CONNECTING → CONNECTED → CLOSED, or FAILED from CONNECTING/CONNECTED.
 * The handshake runs on a {@link DtlsContext} thread (bctls blocks); once connected, records are decrypted on
 * the thread that calls {@link #receive}, without blocking, so no thread is held for an idle transport.
 * All public methods are thread-safe.
 */
public final class DtlsTransport implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DtlsTransport.class);

    private final DtlsContext context;
    private final DtlsListener listener;
    private final QueuedDatagramTransport datagrams;
    private final Object stateLock = new Object();
    private final Object readLock = new Object();
    private final byte[] readBuffer = new byte[QueuedDatagramTransport.RECEIVE_LIMIT];

    // Guarded by stateLock; volatile where read without it.
    private volatile DtlsState state = DtlsState.NEW;
    private volatile DtlsRole localRole;
    private FingerprintVerifier verifier;
    private long deadlineNanos;
    private boolean handshakeSubmitted;
    private ScheduledFuture<?> timeoutTask;
    private volatile DTLSTransport connection;

    // Set once the listener has heard onConnected, so no data overtakes it.
    private volatile boolean readable;
    private volatile boolean closeNotifyReceived;
    private volatile String failureCause;

    DtlsTransport(DtlsContext context, DtlsListener listener, Consumer<byte[]> sender) {
        this.context = context;
        this.listener = listener;
        this.datagrams = new QueuedDatagramTransport(sender, context.config().mtu());
    }

    /** Starts with mediasoup's role rule applied to the remote's dtlsParameters (see {@link DtlsRole#localRoleFor}). */
    public void start(DtlsParameters remote) {
        start(DtlsRole.localRoleFor(remote.role()), remote.fingerprints());
    }

    /**
     * Starts the handshake clock. As client we send our ClientHello at once, so call this when ICE is
     * connected; as server we wait for the remote's ClientHello without holding a thread.
     *
     * @throws IllegalArgumentException if the role is AUTO or no fingerprint has a supported algorithm
     * @throws IllegalStateException if already started
     */
    public void start(DtlsRole role, List<DtlsFingerprint> remoteFingerprints) {
        Objects.requireNonNull(role, "role");
        if (role == DtlsRole.AUTO) {
            throw new IllegalArgumentException("the local DTLS role must be resolved before start");
        }
        FingerprintVerifier pinned = new FingerprintVerifier(remoteFingerprints);
        long timeoutMillis = context.config().handshakeTimeout().toMillis();
        synchronized (stateLock) {
            if (state != DtlsState.NEW) {
                throw new IllegalStateException("DTLS transport already started or closed: " + state);
            }
            state = DtlsState.CONNECTING;
            localRole = role;
            verifier = pinned;
            deadlineNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
            try {
                timeoutTask = context.timer().schedule(
                        () -> fail("DTLS handshake timed out after " + timeoutMillis + " ms"),
                        timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                state = DtlsState.FAILED;
                throw new IllegalStateException("DTLS context is closed", e);
            }
        }
        if (role == DtlsRole.CLIENT || datagrams.hasInbound()) {
            submitHandshake();
        }
    }

    /**
     * Feeds one datagram from the ICE layer (first byte 20–63 per RFC 7983; others are ignored). Never
     * blocks. Before the handshake ends the datagram is queued for the handshake thread; afterwards it is
     * decrypted here and application data goes to the listener on this thread.
     */
    public void receive(byte[] data, int off, int len) {
        Objects.checkFromIndexSize(off, len, data.length);
        if (len == 0 || state.isTerminal()) {
            return;
        }
        int first = data[off] & 0xFF;
        if (first < 20 || first > 63) {
            return;
        }
        if (!datagrams.offer(data, off, len)) {
            return;
        }
        if (readable) {
            drain();
        } else if (state == DtlsState.CONNECTING && localRole == DtlsRole.SERVER) {
            submitHandshake();
        }
    }

    /**
     * Sends one application_data record (for SCTP). At most {@link #applicationDataLimit()} bytes.
     *
     * @throws IllegalStateException if not connected
     * @throws IOException if bctls refuses the record (for example, too large)
     */
    public void sendApplicationData(byte[] data, int off, int len) throws IOException {
        DTLSTransport connected = connection;
        if (!readable || connected == null || state != DtlsState.CONNECTED) {
            throw new IllegalStateException("DTLS transport not connected: " + state);
        }
        connected.send(data, off, len);
    }

    /** The largest application_data payload that fits one datagram of the configured MTU. */
    public int applicationDataLimit() throws IOException {
        DTLSTransport connected = connection;
        if (connected == null) {
            throw new IllegalStateException("DTLS transport not connected: " + state);
        }
        return connected.getSendLimit();
    }

    public DtlsState state() {
        return state;
    }

    /** Our resolved role, or null before {@link #start}. */
    public DtlsRole localRole() {
        return localRole;
    }

    /** Sends close_notify if connected, stops any handshake, and reports {@link DtlsListener#onClosed()}. */
    @Override
    public void close() {
        DtlsState previous;
        synchronized (stateLock) {
            previous = state;
            if (previous.isTerminal()) {
                return;
            }
            state = DtlsState.CLOSED;
            cancelTimeout();
        }
        DTLSTransport connected = connection;
        if (previous == DtlsState.CONNECTED && connected != null) {
            try {
                connected.close(); // sends close_notify through the still-open datagram transport
            } catch (IOException | RuntimeException e) {
                log.debug("error sending close_notify", e);
            }
        }
        datagrams.close();
        notifyListener(() -> listener.onClosed());
    }

    private void submitHandshake() {
        synchronized (stateLock) {
            if (handshakeSubmitted || state != DtlsState.CONNECTING) {
                return;
            }
            handshakeSubmitted = true;
        }
        try {
            context.handshakeExecutor().execute(this::runHandshake);
        } catch (RejectedExecutionException e) {
            fail("too many DTLS handshakes in progress");
        }
    }

    private void runHandshake() {
        DtlsRole role;
        FingerprintVerifier pinned;
        long remainingMillis;
        synchronized (stateLock) {
            if (state != DtlsState.CONNECTING) {
                return;
            }
            role = localRole;
            pinned = verifier;
            remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
        }
        if (remainingMillis <= 0) {
            fail("DTLS handshake timed out waiting for a handshake thread");
            return;
        }
        DtlsConfig config = context.config();
        HandshakeSpec spec = new HandshakeSpec(context.crypto(), context.certificate(), context.certificateChain(),
                config.srtpProfiles(), pinned, config.requireExtendedMasterSecret(), (int) remainingMillis,
                new Events());
        try {
            DTLSTransport established;
            NegotiatingPeer peer;
            if (role == DtlsRole.CLIENT) {
                DtlsClientPeer client = new DtlsClientPeer(spec);
                peer = client;
                established = new DTLSClientProtocol().connect(client, datagrams);
            } else {
                DtlsServerPeer server = new DtlsServerPeer(spec);
                peer = server;
                DTLSServerProtocol protocol = new DTLSServerProtocol();
                // No HelloVerifyRequest cookie: ICE connectivity checks already proved the address, and the
                // cookie exchange costs a round trip and cannot handle a fragmented ClientHello.
                protocol.setVerifyRequests(false);
                established = protocol.accept(server, datagrams);
            }
            connected(established, peer.keys());
        } catch (IOException | RuntimeException e) {
            fail(describe(e));
        }
    }

    private void connected(DTLSTransport established, SrtpKeyMaterial keys) {
        synchronized (stateLock) {
            if (state != DtlsState.CONNECTING) {
                return; // closed or timed out while the last flight was in the air
            }
            state = DtlsState.CONNECTED;
            connection = established;
            cancelTimeout();
        }
        datagrams.switchToNonBlocking();
        log.debug("DTLS connected as {} with {}", localRole, keys.profile());
        // Readable before the listener hears of it: a listener may send application data at once.
        readable = true;
        notifyListener(() -> listener.onConnected(keys));
        drain(); // records that arrived with or after the peer's last flight
    }

    /** Decrypts every queued record. Serialized, since bctls's record layer is not thread-safe for reads. */
    private void drain() {
        String failure = null;
        synchronized (readLock) {
            DTLSTransport connected = connection;
            while (failure == null && state == DtlsState.CONNECTED && !closeNotifyReceived) {
                int received;
                try {
                    received = connected.receive(readBuffer, 0, readBuffer.length, 1);
                } catch (InterruptedIOException wouldBlock) {
                    break;
                } catch (IOException | RuntimeException e) {
                    failure = describe(e);
                    break;
                }
                if (received >= 0) {
                    byte[] record = Arrays.copyOf(readBuffer, received);
                    notifyListener(() -> listener.onApplicationData(record));
                } else if (!datagrams.hasInbound()) {
                    break;
                }
            }
        }
        if (failure != null) {
            fail(failure);
        } else if (closeNotifyReceived) {
            closedByPeer();
        }
    }

    private void closedByPeer() {
        synchronized (stateLock) {
            if (state.isTerminal()) {
                return;
            }
            state = DtlsState.CLOSED;
            cancelTimeout();
        }
        // bctls has already answered with its own close_notify (RFC 5246 §7.2.1).
        datagrams.close();
        notifyListener(() -> listener.onClosed());
    }

    private void fail(String reason) {
        synchronized (stateLock) {
            if (state.isTerminal()) {
                return;
            }
            state = DtlsState.FAILED;
            cancelTimeout();
        }
        log.debug("DTLS failed: {}", reason);
        datagrams.close(); // wakes a blocked handshake thread
        notifyListener(() -> listener.onFailed(reason));
    }

    private void cancelTimeout() {
        if (timeoutTask != null) {
            timeoutTask.cancel(false);
            timeoutTask = null;
        }
    }

    private String describe(Exception e) {
        if (failureCause != null) {
            return failureCause;
        }
        if (e instanceof TlsFatalAlertReceived received) {
            return "peer sent fatal alert " + AlertDescription.getText(received.getAlertDescription());
        }
        if (e instanceof TlsFatalAlert raised) {
            return "DTLS error, sent alert " + AlertDescription.getText(raised.getAlertDescription())
                    + (raised.getMessage() == null ? "" : ": " + raised.getMessage());
        }
        if (e instanceof TlsTimeoutException) {
            return "DTLS handshake timed out";
        }
        return "DTLS error: " + e;
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            log.warn("DTLS listener threw", e);
        }
    }

    /** bctls's callbacks, kept off the public surface. */
    private final class Events implements PeerEvents {
        @Override
        public void alertReceived(short level, short description) {
            log.debug("DTLS alert received: {}", AlertDescription.getText(description));
            if (description == AlertDescription.close_notify) {
                closeNotifyReceived = true;
            } else if (level == AlertLevel.fatal) {
                failureCause = "peer sent fatal alert " + AlertDescription.getText(description);
            }
        }

        @Override
        public void alertRaised(short level, short description, String message, Throwable cause) {
            log.debug("DTLS alert sent: {} {}", AlertDescription.getText(description), message == null ? "" : message);
        }

        @Override
        public void fingerprintMismatch(String expected) {
            failureCause = "peer certificate does not match fingerprint " + expected;
        }
    }
}
