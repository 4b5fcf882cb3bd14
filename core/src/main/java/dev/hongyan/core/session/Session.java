package dev.hongyan.core.session;

import dev.hongyan.core.client.Client;
import java.util.concurrent.ScheduledFuture;

/**
 * A P2P call between two clients. The server only relays the negotiation; the media flows between
 * the peers. State changes are guarded by this object's monitor because the two parties act on it
 * from their own connection threads, and the timeout from the scheduler.
 */
public final class Session {

    private final String sessionId;
    private final Client caller;
    private final Client callee;
    private final boolean audio;
    private final boolean video;
    private final long createdAtMillis;
    private SessionState state = SessionState.CALLING;
    private ScheduledFuture<?> callTimer;

    Session(String sessionId, Client caller, Client callee, boolean audio, boolean video, long createdAtMillis) {
        this.sessionId = sessionId;
        this.caller = caller;
        this.callee = callee;
        this.audio = audio;
        this.video = video;
        this.createdAtMillis = createdAtMillis;
    }

    public String sessionId() {
        return sessionId;
    }

    public Client caller() {
        return caller;
    }

    public Client callee() {
        return callee;
    }

    public boolean audio() {
        return audio;
    }

    public boolean video() {
        return video;
    }

    public long createdAtMillis() {
        return createdAtMillis;
    }

    public synchronized SessionState state() {
        return state;
    }

    /** Parties are compared by identity: a new connection under the same clientId is not a party. */
    public boolean isParty(Client client) {
        return client == caller || client == callee;
    }

    /** The party that is not {@code client}. */
    public Client other(Client client) {
        return client == caller ? callee : caller;
    }

    synchronized void armTimer(ScheduledFuture<?> timer) {
        if (state == SessionState.CALLING) {
            callTimer = timer;
        } else {
            timer.cancel(false);
        }
    }

    /** CALLING → ACTIVE; true only for the call that made the move. */
    synchronized boolean activate() {
        if (state != SessionState.CALLING) {
            return false;
        }
        state = SessionState.ACTIVE;
        cancelTimer();
        return true;
    }

    /** True while the callee has not answered: what the timeout checks before closing. */
    synchronized boolean isCalling() {
        return state == SessionState.CALLING;
    }

    /** Any state → CLOSED; true only for the call that closed it. */
    synchronized boolean markClosed() {
        if (state == SessionState.CLOSED) {
            return false;
        }
        state = SessionState.CLOSED;
        cancelTimer();
        return true;
    }

    private void cancelTimer() {
        if (callTimer != null) {
            callTimer.cancel(false);
            callTimer = null;
        }
    }

    @Override
    public String toString() {
        return "session " + sessionId + " (" + caller.clientId() + " -> " + callee.clientId() + ")";
    }
}
