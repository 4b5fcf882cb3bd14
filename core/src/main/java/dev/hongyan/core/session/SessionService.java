package dev.hongyan.core.session;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientListener;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * P2P calls: who may call whom, relaying the negotiation between exactly the two parties, and
 * ending calls on hang-up, on timeout and when a party goes offline. Lookups by session and by
 * client are O(1); nothing here blocks, and timeouts run on the shared scheduler.
 */
public final class SessionService implements ClientListener {

    public static final String CALL = "session::call";
    public static final String EXCHANGE = "session::exchange";
    public static final String PAUSE = "session::pause";
    public static final String RESUME = "session::resume";
    public static final String CLOSE = "session::close";

    private final ClientRegistry registry;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final SessionSettings settings;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    /** Each client's open sessions; a set is created and dropped inside the map's atomic compute calls. */
    private final Map<Client, Set<Session>> byClient = new ConcurrentHashMap<>();

    public SessionService(ClientRegistry registry, ScheduledExecutorService scheduler, Clock clock, SessionSettings settings) {
        this.registry = registry;
        this.scheduler = scheduler;
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Opens a call from {@code caller} to the online client {@code calleeId}. {@code answerCaller}
     * runs before the callee is told, so the caller knows the sessionId before the callee's first
     * session::exchange can reach it (taoyao's web callee sends its offer as soon as it is called).
     */
    public Session call(Client caller, String calleeId, boolean audio, boolean video, Consumer<Session> answerCaller) {
        if (caller.clientId().equals(calleeId)) {
            throw CoreException.invalid("a client cannot call itself");
        }
        Client callee = registry.find(calleeId)
                .orElseThrow(() -> CoreException.notFound("client \"" + calleeId + "\" is not online"));
        if (count(caller) >= settings.maxSessionsPerClient()) {
            throw new CoreException(ErrorCode.LIMIT_EXCEEDED,
                    "already in " + settings.maxSessionsPerClient() + " calls (sessions.maxSessionsPerClient)");
        }
        if (count(callee) >= settings.maxSessionsPerClient()) {
            throw new CoreException(ErrorCode.LIMIT_EXCEEDED, "client \"" + calleeId + "\" is in too many calls");
        }
        Session session = new Session(UUID.randomUUID().toString(), caller, callee, audio, video, clock.millis());
        sessions.put(session.sessionId(), session);
        index(caller, session);
        index(callee, session);
        session.armTimer(scheduler.schedule(() -> timeOut(session), settings.callTimeoutMillis(), TimeUnit.MILLISECONDS));
        // A party may have gone offline between the lookup and the indexing, after its offline
        // cleanup ran: such a session would otherwise only end at the timeout.
        if (!isOnline(caller) || !isOnline(callee)) {
            // The caller hears of it as this request's 3404, not as a close of a session it never saw.
            close(session, CloseReason.OFFLINE, caller);
            throw CoreException.notFound("client \"" + calleeId + "\" is not online");
        }
        answerCaller.accept(session);
        Map<String, Object> ring = new LinkedHashMap<>();
        ring.put("name", caller.name());
        ring.put("clientId", caller.clientId());
        ring.put("sessionId", session.sessionId());
        ring.put("audio", audio);
        ring.put("video", video);
        callee.push(Notification.of(CALL, ring));
        return session;
    }

    /**
     * Relays an offer, answer or candidate to the other party, unchanged. The callee's first exchange
     * makes the call active (it has answered, so the call timeout no longer applies).
     */
    public void exchange(Client sender, String sessionId, Object body) {
        Session session = partyOf(sender, sessionId);
        if (sender == session.callee()) {
            session.activate();
        }
        session.other(sender).push(Notification.of(EXCHANGE, body));
    }

    /**
     * Relays {@link #PAUSE} or {@link #RESUME} (the sender stopped or restarted sending audio or video) to
     * the other party, unchanged.
     */
    public void relayMedia(Client sender, String sessionId, String signal, Object body) {
        if (!PAUSE.equals(signal) && !RESUME.equals(signal)) {
            throw new IllegalArgumentException("not a media toggle: " + signal);
        }
        partyOf(sender, sessionId).other(sender).push(Notification.of(signal, body));
    }

    /** Ends the call; the other party is told with reason "hangup". */
    public void hangUp(Client sender, String sessionId) {
        close(partyOf(sender, sessionId), CloseReason.HANGUP, sender);
    }

    /** A party disconnected: each of its calls ends and the other parties are told. */
    @Override
    public void onOffline(Client client) {
        Set<Session> open = byClient.remove(client);
        if (open == null) {
            return;
        }
        for (Session session : open) {
            close(session, CloseReason.OFFLINE, client);
        }
    }

    public Optional<Session> find(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(sessions.get(sessionId));
    }

    /** The open sessions {@code client} is a party of. */
    public List<Session> sessionsOf(Client client) {
        Set<Session> open = byClient.get(client);
        return open == null ? List.of() : List.copyOf(open);
    }

    public int size() {
        return sessions.size();
    }

    private Session partyOf(Client sender, String sessionId) {
        Session session = find(sessionId)
                .orElseThrow(() -> CoreException.notFound("session \"" + sessionId + "\" does not exist"));
        if (!session.isParty(sender)) {
            throw CoreException.forbidden("not a party of session \"" + sessionId + "\"");
        }
        return session;
    }

    private void timeOut(Session session) {
        if (session.isCalling()) {
            close(session, CloseReason.TIMEOUT, null);
        }
    }

    /** Closes once: whoever flips the state tells the parties other than {@code initiator}. */
    private void close(Session session, CloseReason reason, Client initiator) {
        if (!session.markClosed()) {
            return;
        }
        sessions.remove(session.sessionId(), session);
        unindex(session.caller(), session);
        unindex(session.callee(), session);
        Notification closed = Notification.of(CLOSE, Map.of("sessionId", session.sessionId(), "reason", reason.wire()));
        if (session.caller() != initiator) {
            session.caller().push(closed);
        }
        if (session.callee() != initiator) {
            session.callee().push(closed);
        }
    }

    private boolean isOnline(Client client) {
        return registry.find(client.clientId()).orElse(null) == client;
    }

    private int count(Client client) {
        Set<Session> open = byClient.get(client);
        // Two calls racing past the check can exceed the limit by one each: a bound, not an exact quota.
        return open == null ? 0 : open.size();
    }

    private void index(Client client, Session session) {
        byClient.compute(client, (key, set) -> {
            Set<Session> result = set == null ? ConcurrentHashMap.newKeySet() : set;
            result.add(session);
            return result;
        });
    }

    private void unindex(Client client, Session session) {
        byClient.computeIfPresent(client, (key, set) -> {
            set.remove(session);
            return set.isEmpty() ? null : set;
        });
    }
}
