package dev.hongyan.media.srtp;

import io.netty.util.collection.IntObjectHashMap;

/**
 * SRTP and SRTCP for one direction's master key: derived session keys, cached ciphers and the
 * per-SSRC state (packet index and ROC, SRTCP index, replay windows).
 *
 * <p>All four methods work in place on {@code buf[off, off+len)} and return the resulting length,
 * or a negative {@link SrtpError#code()}. {@code protect*} needs {@link #rtpOverhead()} or
 * {@link #rtcpOverhead()} spare bytes after the packet. Per-SSRC state is created by a protected
 * packet or by the first inbound packet that authenticates, so forged packets allocate nothing
 * lasting; at most {@link #MAX_INBOUND_SSRCS} inbound SSRCs (RTP, and apart SRTCP) keep state.
 *
 * <p>Not thread-safe: meant to be driven by the one event loop that owns the transport.
 */
public final class SrtpContext {
    /** Large enough for a video burst to be reordered without losses being taken for replays. */
    public static final int DEFAULT_REPLAY_WINDOW = 1024;
    /**
     * Most inbound SSRCs with state, for SRTP and for SRTCP each: a packet of a further SSRC is refused
     * with {@link SrtpError#TOO_MANY_SSRCS} until {@link #removeSsrc} frees one. Generous for a WebRTC
     * endpoint (a few simulcast streams, their RTX, per-track RTCP senders), and it bounds what a peer
     * holding the keys can make us keep by inventing SSRCs.
     */
    public static final int MAX_INBOUND_SSRCS = 64;

    private static final int RTP_HEADER = 12;
    private static final int RTCP_HEADER = 8;

    private final SrtpProfile profile;
    private final SrtpTransform transform;
    private final int replayWindow;
    private final IntObjectHashMap<RtpIndexTracker> sendRtp = new IntObjectHashMap<>();
    private final IntObjectHashMap<RtpIndexTracker> receiveRtp = new IntObjectHashMap<>();
    private final IntObjectHashMap<SrtcpIndexTracker> sendRtcp = new IntObjectHashMap<>();
    private final IntObjectHashMap<SrtcpIndexTracker> receiveRtcp = new IntObjectHashMap<>();
    // A stream's first packet is checked against a tracker that joins the map only if it authenticates.
    private RtpIndexTracker spareRtp;
    private SrtcpIndexTracker spareRtcp;
    // The outbound stream protected last: a consumer's transport sends one SSRC (two with RTX) packet after
    // packet, and in a large fan-out every map probe is a cache miss.
    private int lastSendSsrc;
    private RtpIndexTracker lastSendTracker;

    SrtpContext(SrtpProfile profile, SessionKeys keys, int replayWindow) {
        if (replayWindow < ReplayWindow.MIN_SIZE) {
            throw new IllegalArgumentException("replay window must be at least " + ReplayWindow.MIN_SIZE);
        }
        this.profile = profile;
        this.replayWindow = replayWindow;
        this.transform = profile.isAead() ? new AesGcmTransform(keys) : new AesCmHmacTransform(profile, keys);
    }

    /** Derives the session keys once (key derivation rate 0) and caches the ciphers. */
    public static SrtpContext create(SrtpProfile profile, SrtpMasterKey master, int replayWindow) {
        return new SrtpContext(profile, SessionKeys.derive(profile, master), replayWindow);
    }

    public static SrtpContext create(SrtpProfile profile, SrtpMasterKey master) {
        return create(profile, master, DEFAULT_REPLAY_WINDOW);
    }

    public SrtpProfile profile() {
        return profile;
    }

    public int rtpOverhead() {
        return transform.rtpTagLength();
    }

    public int rtcpOverhead() {
        return transform.rtcpTrailerLength();
    }

    /** Encrypts and authenticates an RTP packet in place; returns the SRTP length or an error code. */
    public int protectRtp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len < RTP_HEADER || version(buf, off) != 2) {
            return SrtpError.MALFORMED.code();
        }
        if (buf.length - off - len < transform.rtpTagLength()) {
            return SrtpError.BUFFER_TOO_SMALL.code();
        }
        int header = rtpHeaderLength(buf, off, len);
        if (header < 0) {
            return SrtpError.MALFORMED.code();
        }
        int ssrc = readInt(buf, off + 8);
        RtpIndexTracker tracker = lastSendTracker;
        if (tracker == null || ssrc != lastSendSsrc) {
            tracker = sendRtp.get(ssrc);
            if (tracker == null) {
                tracker = new RtpIndexTracker(null);
                sendRtp.put(ssrc, tracker);
            }
            lastSendSsrc = ssrc;
            lastSendTracker = tracker;
        }
        long index = tracker.estimate(readShort(buf, off + 2));
        int result = transform.protectRtp(buf, off, len, header, ssrc, index);
        if (result >= 0) {
            tracker.accept(index);
        }
        return result;
    }

    /** Authenticates, replay-checks and decrypts an SRTP packet in place; returns the RTP length or an error code. */
    public int unprotectRtp(byte[] buf, int off, int len) {
        int tag = transform.rtpTagLength();
        if (!inBounds(buf, off, len) || len < RTP_HEADER + tag || version(buf, off) != 2) {
            return SrtpError.MALFORMED.code();
        }
        int header = rtpHeaderLength(buf, off, len - tag);
        if (header < 0) {
            return SrtpError.MALFORMED.code();
        }
        int ssrc = readInt(buf, off + 8);
        RtpIndexTracker tracker = receiveRtp.get(ssrc);
        boolean known = tracker != null;
        if (!known) {
            if (receiveRtp.size() >= MAX_INBOUND_SSRCS) {
                return SrtpError.TOO_MANY_SSRCS.code();
            }
            if (spareRtp == null) {
                spareRtp = new RtpIndexTracker(new ReplayWindow(replayWindow));
            }
            tracker = spareRtp;
        }
        long index = tracker.estimate(readShort(buf, off + 2));
        if (!tracker.isFresh(index)) {
            return SrtpError.REPLAYED.code();
        }
        int result = transform.unprotectRtp(buf, off, len, header, ssrc, index);
        if (result >= 0) {
            tracker.accept(index);
            if (!known) {
                receiveRtp.put(ssrc, tracker);
                spareRtp = null;
            }
        }
        return result;
    }

    /** Encrypts a compound RTCP packet in place and appends E/index and the tag. */
    public int protectRtcp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len < RTCP_HEADER || version(buf, off) != 2) {
            return SrtpError.MALFORMED.code();
        }
        if (buf.length - off - len < transform.rtcpTrailerLength()) {
            return SrtpError.BUFFER_TOO_SMALL.code();
        }
        int ssrc = readInt(buf, off + 4);
        int index = sendRtcpTracker(ssrc).takeNext();
        return transform.protectRtcp(buf, off, len, ssrc, index);
    }

    /** Authenticates, replay-checks and (if E is set) decrypts an SRTCP packet in place. */
    public int unprotectRtcp(byte[] buf, int off, int len) {
        if (!inBounds(buf, off, len) || len < RTCP_HEADER + transform.rtcpTrailerLength()
                || version(buf, off) != 2) {
            return SrtpError.MALFORMED.code();
        }
        int ssrc = readInt(buf, off + 4);
        int word = readInt(buf, off + len - transform.rtcpIndexFromEnd());
        boolean encrypted = word < 0;
        int index = word & 0x7FFFFFFF;
        SrtcpIndexTracker tracker = receiveRtcp.get(ssrc);
        boolean known = tracker != null;
        if (!known) {
            if (receiveRtcp.size() >= MAX_INBOUND_SSRCS) {
                return SrtpError.TOO_MANY_SSRCS.code();
            }
            if (spareRtcp == null) {
                spareRtcp = new SrtcpIndexTracker(new ReplayWindow(replayWindow));
            }
            tracker = spareRtcp;
        }
        if (!tracker.isFresh(index)) {
            return SrtpError.REPLAYED.code();
        }
        int result = transform.unprotectRtcp(buf, off, len, ssrc, index, encrypted);
        if (result >= 0) {
            tracker.accept(index);
            if (!known) {
                receiveRtcp.put(ssrc, tracker);
                spareRtcp = null;
            }
        }
        return result;
    }

    /** Forgets an SSRC's state, for example when its producer or consumer closes. */
    public void removeSsrc(int ssrc) {
        if (lastSendTracker != null && lastSendSsrc == ssrc) {
            lastSendTracker = null;
        }
        sendRtp.remove(ssrc);
        receiveRtp.remove(ssrc);
        sendRtcp.remove(ssrc);
        receiveRtcp.remove(ssrc);
    }

    /** The rollover counter of an outbound or inbound SSRC, for tests and stats. */
    int rolloverCounter(int ssrc, boolean outbound) {
        RtpIndexTracker t = (outbound ? sendRtp : receiveRtp).get(ssrc);
        return t == null ? 0 : t.roc();
    }

    /** Sets the next SRTCP index to send, for test vectors that start elsewhere than 0. */
    void setNextRtcpIndex(int ssrc, int index) {
        sendRtcpTracker(ssrc).setNext(index);
    }

    private SrtcpIndexTracker sendRtcpTracker(int ssrc) {
        SrtcpIndexTracker tracker = sendRtcp.get(ssrc);
        if (tracker == null) {
            tracker = new SrtcpIndexTracker(null);
            sendRtcp.put(ssrc, tracker);
        }
        return tracker;
    }

    /**
     * The RTP header length with CSRCs and the header extension (RFC 3550 §5.3.1), or -1 when it
     * does not fit in {@code len}. SRTP encrypts only what follows it.
     */
    static int rtpHeaderLength(byte[] buf, int off, int len) {
        int length = RTP_HEADER + 4 * (buf[off] & 0x0F);
        if ((buf[off] & 0x10) != 0) {
            if (length + 4 > len) {
                return -1;
            }
            length += 4 + 4 * readShort(buf, off + length + 2);
        }
        return length <= len ? length : -1;
    }

    private static boolean inBounds(byte[] buf, int off, int len) {
        return buf != null && off >= 0 && len >= 0 && off <= buf.length - len;
    }

    private static int version(byte[] buf, int off) {
        return (buf[off] & 0xFF) >>> 6;
    }

    private static int readShort(byte[] b, int at) {
        return ((b[at] & 0xFF) << 8) | (b[at + 1] & 0xFF);
    }

    private static int readInt(byte[] b, int at) {
        return ((b[at] & 0xFF) << 24) | ((b[at + 1] & 0xFF) << 16) | ((b[at + 2] & 0xFF) << 8) | (b[at + 3] & 0xFF);
    }
}
