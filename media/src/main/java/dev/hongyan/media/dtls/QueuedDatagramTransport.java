package dev.hongyan.media.dtls;

import org.bouncycastle.tls.DatagramTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * bctls's view of the network: datagrams the ICE layer hands us wait in a bounded queue (overflow is dropped
 * like any UDP loss; bctls retransmits), and sends go straight to the ICE layer's callback.
 *
 * <p>During the handshake bctls blocks in {@link #receive} on its handshake thread. Afterwards we switch to
 * non-blocking mode: an empty queue throws {@link WouldBlock}, an {@link InterruptedIOException} that bctls
 * passes up without failing the connection, so the caller can drain records without parking a thread.
 */
final class QueuedDatagramTransport implements DatagramTransport {
    private static final Logger log = LoggerFactory.getLogger(QueuedDatagramTransport.class);

    /** Larger than any datagram a WebRTC peer sends; a larger one could not be a valid record for us. */
    static final int RECEIVE_LIMIT = 1500;
    static final int QUEUE_CAPACITY = 128;

    private final BlockingQueue<byte[]> inbound = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final byte[] closedMarker = new byte[0];
    private final WouldBlock wouldBlock = new WouldBlock();
    private final Consumer<byte[]> sender;
    private final int mtu;
    private volatile boolean nonBlocking;
    private volatile boolean closed;

    QueuedDatagramTransport(Consumer<byte[]> sender, int mtu) {
        this.sender = sender;
        this.mtu = mtu;
    }

    /** Queues a copy of one datagram; false if closed or the queue is full. */
    boolean offer(byte[] data, int off, int len) {
        if (closed) {
            return false;
        }
        boolean queued = inbound.offer(Arrays.copyOfRange(data, off, off + len));
        if (!queued) {
            log.debug("DTLS inbound queue full, dropping a {}-byte datagram", len);
        }
        return queued;
    }

    boolean hasInbound() {
        return !inbound.isEmpty();
    }

    void switchToNonBlocking() {
        nonBlocking = true;
    }

    @Override
    public int getReceiveLimit() {
        return RECEIVE_LIMIT;
    }

    @Override
    public int getSendLimit() {
        return mtu;
    }

    @Override
    public int receive(byte[] buf, int off, int len, int waitMillis) throws IOException {
        byte[] datagram;
        if (nonBlocking) {
            datagram = inbound.poll();
        } else {
            try {
                datagram = inbound.poll(Math.max(1, waitMillis), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted waiting for a DTLS datagram");
            }
        }
        if (datagram == null) {
            if (nonBlocking) {
                throw wouldBlock;
            }
            return -1;
        }
        if (datagram == closedMarker) {
            inbound.offer(closedMarker); // keep it for the next call: bctls may read again while unwinding
            if (nonBlocking) {
                throw wouldBlock;
            }
            throw new IOException("DTLS transport closed");
        }
        if (datagram.length > len) {
            log.debug("dropping a {}-byte DTLS datagram larger than the {}-byte buffer", datagram.length, len);
            return -1;
        }
        System.arraycopy(datagram, 0, buf, off, datagram.length);
        return datagram.length;
    }

    @Override
    public void send(byte[] buf, int off, int len) {
        if (closed) {
            return;
        }
        try {
            // A copy, because the ICE layer may hold the bytes after we return and bctls owns buf.
            sender.accept(Arrays.copyOfRange(buf, off, off + len));
        } catch (RuntimeException e) {
            // Treat a failing send like a lost datagram: bctls retransmits handshake flights.
            log.debug("DTLS send callback failed", e);
        }
    }

    /** Wakes a blocked handshake with an error and drops whatever is queued. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            inbound.clear();
            inbound.offer(closedMarker);
        }
    }

    /** Thrown instead of blocking once connected. Preallocated and stackless: it is control flow. */
    static final class WouldBlock extends InterruptedIOException {
        private static final long serialVersionUID = 1L;

        WouldBlock() {
            super("no DTLS datagram queued");
        }

        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }
}
