package dev.hongyan.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.account.Account;
import dev.hongyan.core.account.Role;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientType;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.client.Telemetry;
import dev.hongyan.core.concurrent.ManualScheduler;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionServiceTest {

    private final ManualScheduler timers = new ManualScheduler();
    private final ClientRegistry registry = new ClientRegistry();
    private final List<Session> answered = new ArrayList<>();

    @AfterEach
    void stop() {
        timers.shutdownNow();
    }

    private SessionService service(long timeoutMillis, int max) {
        return new SessionService(registry, timers, Clock.systemUTC(), new SessionSettings(timeoutMillis, max));
    }

    private Client online(String clientId) {
        Client client = new Client(clientId, ClientType.WEB, clientId + "-name", "127.0.0.1",
                new Account("user-" + clientId, null, Set.of(Role.USER)), new RecordingEndpoint(), Telemetry.EMPTY, 0, 10);
        registry.register(client);
        return client;
    }

    private static RecordingEndpoint endpoint(Client client) {
        return (RecordingEndpoint) client.endpoint();
    }

    @Test
    void callAnswersTheCallerFirstThenRingsTheCalleeWithTheCallersIdentity() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Session session = sessions.call(alice, "bob", true, false, s -> {
            assertThat(endpoint(bob).pushed).as("callee not told before the caller is answered").isEmpty();
            answered.add(s);
        });
        assertThat(answered).containsExactly(session);
        assertThat(session.state()).isEqualTo(SessionState.CALLING);
        Notification ring = endpoint(bob).last();
        assertThat(ring.signal()).isEqualTo("session::call");
        assertThat(body(ring.body())).containsEntry("clientId", "alice").containsEntry("name", "alice-name")
                .containsEntry("sessionId", session.sessionId()).containsEntry("audio", true).containsEntry("video", false);
        assertThat(sessions.find(session.sessionId())).containsSame(session);
        assertThat(sessions.sessionsOf(alice)).containsExactly(session);
        assertThat(sessions.sessionsOf(bob)).containsExactly(session);
    }

    @Test
    void callRefusesAnOfflineTargetAndOneself() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        assertThatThrownBy(() -> sessions.call(alice, "nobody", true, true, s -> { }))
                .isInstanceOf(CoreException.class).extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> sessions.call(alice, "alice", true, true, s -> { }))
                .isInstanceOf(CoreException.class).extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.INVALID_BODY);
        assertThat(sessions.size()).isZero();
    }

    @Test
    void callsPerClientAreBounded() {
        SessionService sessions = service(30_000, 2);
        Client alice = online("alice");
        online("bob");
        sessions.call(alice, "bob", true, true, s -> { });
        sessions.call(alice, "bob", true, true, s -> { });
        assertThatThrownBy(() -> sessions.call(alice, "bob", true, true, s -> { }))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.LIMIT_EXCEEDED);
    }

    @Test
    void exchangeIsRelayedUnchangedOnlyBetweenTheParties() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Client eve = online("eve");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        Map<String, Object> offer = Map.of("sessionId", session.sessionId(), "type", "OFFER", "sdp", "v=0");
        sessions.exchange(bob, session.sessionId(), offer);
        assertThat(endpoint(alice).last().signal()).isEqualTo("session::exchange");
        assertThat(endpoint(alice).last().body()).isSameAs(offer);
        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);

        assertThatThrownBy(() -> sessions.exchange(eve, session.sessionId(), offer))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
        assertThatThrownBy(() -> sessions.exchange(alice, "no-such-session", offer))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(endpoint(eve).pushed).isEmpty();
    }

    @Test
    void theCallersExchangeDoesNotAnswerTheCall() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        sessions.exchange(alice, session.sessionId(), Map.of("type", "offer"));
        assertThat(session.state()).isEqualTo(SessionState.CALLING);
        assertThat(endpoint(bob).last().signal()).isEqualTo("session::exchange");
    }

    @Test
    void pauseAndResumeGoToTheOtherParty() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        sessions.relayMedia(alice, session.sessionId(), SessionService.PAUSE, Map.of("type", "video"));
        sessions.relayMedia(bob, session.sessionId(), SessionService.RESUME, Map.of("type", "audio"));
        assertThat(endpoint(bob).signals()).containsExactly("session::call", "session::pause");
        assertThat(endpoint(alice).signals()).containsExactly("session::resume");
    }

    @Test
    void hangUpTellsTheOtherPartyOnceAndForgetsTheSession() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        sessions.hangUp(alice, session.sessionId());
        assertThat(endpoint(bob).last().signal()).isEqualTo("session::close");
        assertThat(body(endpoint(bob).last().body())).containsEntry("sessionId", session.sessionId())
                .containsEntry("reason", "hangup");
        assertThat(endpoint(alice).pushed).isEmpty();
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(sessions.size()).isZero();
        assertThat(sessions.sessionsOf(alice)).isEmpty();
        assertThat(sessions.sessionsOf(bob)).isEmpty();
        assertThatThrownBy(() -> sessions.hangUp(bob, session.sessionId()))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }

    @Test
    void anUnansweredCallTimesOutAndBothPartiesAreTold() {
        SessionService sessions = service(100, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        timers.advance(Duration.ofMillis(99));
        assertThat(session.state()).isEqualTo(SessionState.CALLING);
        timers.advance(Duration.ofMillis(1));
        assertThat(session.state()).isEqualTo(SessionState.CLOSED);
        assertThat(endpoint(alice).last().signal()).isEqualTo("session::close");
        assertThat(body(endpoint(alice).last().body())).containsEntry("reason", "timeout");
        assertThat(body(endpoint(bob).last().body())).containsEntry("reason", "timeout");
        assertThat(sessions.size()).isZero();
    }

    @Test
    void anAnsweredCallDoesNotTimeOut() {
        SessionService sessions = service(100, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        assertThat(timers.pending()).as("the call timer").isEqualTo(1);
        sessions.exchange(bob, session.sessionId(), Map.of("type", "answer"));
        assertThat(timers.pending()).as("cancelled by the answer").isZero();
        timers.advance(Duration.ofMillis(100));
        assertThat(session.state()).isEqualTo(SessionState.ACTIVE);
        assertThat(endpoint(alice).signals()).containsExactly("session::exchange");
    }

    @Test
    void goingOfflineClosesEveryCallOfTheClientAndTellsThePeers() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        Client bob = online("bob");
        Client carol = online("carol");
        Session first = sessions.call(alice, "bob", true, true, s -> { });
        Session second = sessions.call(carol, "alice", true, true, s -> { });
        Session unrelated = sessions.call(bob, "carol", true, true, s -> { });
        registry.remove(alice);
        sessions.onOffline(alice);
        assertThat(first.state()).isEqualTo(SessionState.CLOSED);
        assertThat(second.state()).isEqualTo(SessionState.CLOSED);
        assertThat(unrelated.state()).isEqualTo(SessionState.CALLING);
        assertThat(body(endpoint(bob).pushed.get(1).body())).containsEntry("sessionId", first.sessionId())
                .containsEntry("reason", "offline");
        assertThat(endpoint(carol).signals()).contains("session::close");
        assertThat(endpoint(alice).signals()).doesNotContain("session::close");
        assertThat(sessions.size()).isEqualTo(1);
        assertThat(sessions.sessionsOf(alice)).isEmpty();
    }

    @Test
    void aNewConnectionUnderTheSameIdIsNotAParty() {
        SessionService sessions = service(30_000, 4);
        Client alice = online("alice");
        online("bob");
        Session session = sessions.call(alice, "bob", true, true, s -> { });
        Client aliceAgain = new Client("alice", ClientType.WEB, "alice", "127.0.0.1", alice.account(), new RecordingEndpoint(),
                Telemetry.EMPTY, 0, 10);
        registry.register(aliceAgain);
        assertThatThrownBy(() -> sessions.exchange(aliceAgain, session.sessionId(), Map.of()))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Object body) {
        return (Map<String, Object>) body;
    }
}
