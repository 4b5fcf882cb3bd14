package dev.hongyan.media.dtls;

import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Per-engine DTLS state: one certificate (so every transport announces the same fingerprint, as mediasoup's
 * worker does), one crypto provider, and the threads.
 *
 * <p>Thread cost: bctls's handshake is blocking, so each handshake in flight holds one thread of a pool of
 * at most {@link DtlsConfig#maxConcurrentHandshakes()} threads, which retire after 30 s idle. A server-role
 * transport takes a thread only when the remote's first datagram arrives, and gives it back when the
 * handshake ends (normally two round trips, at worst the handshake timeout). Handshakes beyond the cap wait
 * in a queue of {@link DtlsConfig#maxQueuedHandshakes()}; past that a transport fails at once. Connected
 * transports hold no thread: their records are decrypted on the caller of {@link DtlsTransport#receive}. One
 * more thread runs handshake timeouts. So an engine uses at most {@code maxConcurrentHandshakes + 1} threads
 * for DTLS, whatever the number of transports.
 */
public final class DtlsContext implements AutoCloseable {
    private final DtlsConfig config;
    private final BcTlsCrypto crypto;
    private final DtlsCertificate certificate;
    private final Certificate certificateChain;
    private final ThreadPoolExecutor handshakeExecutor;
    private final ScheduledThreadPoolExecutor timer;

    public DtlsContext(DtlsConfig config) {
        this(config, new SecureRandom());
    }

    public DtlsContext(DtlsConfig config, SecureRandom random) {
        this.config = Objects.requireNonNull(config, "config");
        this.crypto = new BcTlsCrypto(random);
        this.certificate = DtlsCertificate.generate(random);
        try {
            TlsCertificate tlsCertificate = crypto.createCertificate(certificate.derUnsafe());
            this.certificateChain = new Certificate(new TlsCertificate[] {tlsCertificate});
        } catch (IOException e) {
            throw new IllegalStateException("bctls rejected our own certificate", e);
        }
        BlockingQueue<Runnable> waiting = config.maxQueuedHandshakes() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(config.maxQueuedHandshakes());
        this.handshakeExecutor = new ThreadPoolExecutor(config.maxConcurrentHandshakes(),
                config.maxConcurrentHandshakes(), 30, TimeUnit.SECONDS, waiting, daemonThreads("hongyan-dtls-handshake-"),
                new ThreadPoolExecutor.AbortPolicy());
        this.handshakeExecutor.allowCoreThreadTimeOut(true);
        this.timer = new ScheduledThreadPoolExecutor(1, daemonThreads("hongyan-dtls-timer-"));
        this.timer.setRemoveOnCancelPolicy(true);
    }

    public DtlsConfig config() {
        return config;
    }

    public DtlsCertificate certificate() {
        return certificate;
    }

    /** What a new WebRtcTransport announces: role "auto" and our fingerprints, as mediasoup does. */
    public DtlsParameters localParameters() {
        return new DtlsParameters(DtlsRole.AUTO, certificate.fingerprints());
    }

    /**
     * A DTLS endpoint for one WebRTC transport. It does nothing until {@link DtlsTransport#start}, but
     * buffers datagrams given to it meanwhile (a browser may send its ClientHello before our connect()).
     *
     * @param sender called with each outgoing datagram, from whatever thread produced it; must not block
     */
    public DtlsTransport createTransport(DtlsListener listener, Consumer<byte[]> sender) {
        return new DtlsTransport(this, Objects.requireNonNull(listener, "listener"),
                Objects.requireNonNull(sender, "sender"));
    }

    /** Stops the threads; handshakes in flight fail. Connected transports keep working. */
    @Override
    public void close() {
        handshakeExecutor.shutdownNow();
        timer.shutdownNow();
    }

    BcTlsCrypto crypto() {
        return crypto;
    }

    Certificate certificateChain() {
        return certificateChain;
    }

    ThreadPoolExecutor handshakeExecutor() {
        return handshakeExecutor;
    }

    ScheduledExecutorService timer() {
        return timer;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
