package dev.hongyan.gateway.nativeprotocol.room;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.account.AccountStore;
import dev.hongyan.core.account.Authenticator;
import dev.hongyan.core.account.LoginThrottle;
import dev.hongyan.core.account.Role;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.ClientSettings;
import dev.hongyan.core.client.PresenceScope;
import dev.hongyan.core.control.ControlPolicy;
import dev.hongyan.core.platform.PlatformControl;
import dev.hongyan.core.platform.PlatformSettings;
import dev.hongyan.core.room.RoomService;
import dev.hongyan.core.room.RoomSettings;
import dev.hongyan.core.session.SessionService;
import dev.hongyan.core.session.SessionSettings;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.WebSocketSession;
import dev.hongyan.gateway.nativeprotocol.MessageIds;
import dev.hongyan.gateway.nativeprotocol.NativeCodec;
import dev.hongyan.gateway.nativeprotocol.NativeGateway;
import dev.hongyan.gateway.nativeprotocol.NativeSettings;
import dev.hongyan.gateway.nativeprotocol.NativeSignals;
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** The native gateway with real room handlers, driven through fake connections (no sockets). */
final class NativeRoomHarness implements AutoCloseable {

    static final String PASSWORD = "terminal-pw";

    final NativeCodec codec = new NativeCodec();
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    final ClientService clients;
    final RoomService rooms;
    final NativeGateway gateway;
    private final AtomicLong connectionIds = new AtomicLong();

    NativeRoomHarness(RoomSettings settings) {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        AccountStore accounts = new AccountStore(random);
        accounts.add("user", PASSWORD, EnumSet.of(Role.USER));
        accounts.add("root", PASSWORD, EnumSet.of(Role.ADMIN));
        LoginThrottle throttle = new LoginThrottle(clock, 3, 60_000, 60_000);
        clients = new ClientService(new ClientRegistry(), new Authenticator(accounts, throttle, random), clock,
                new ClientSettings(60_000, 10, PresenceScope.EVERYONE));
        rooms = new RoomService(clients, settings, throttle, workers, scheduler, random, clock);
        PlatformControl platform = new PlatformControl(new PlatformSettings(false, Map.of(), "", "", "", 1000),
                workers, () -> { });
        MessageIds ids = new MessageIds(clock, 0);
        var registry = NativeSignals.registry(new NativeSignals.Dependencies(clients, ids,
                new ClientConfigFactory(Map.of(), List.of(), Optional.empty(), clients), platform,
                Duration.ofSeconds(5), rooms,
                new SessionService(clients.registry(), scheduler, clock, SessionSettings.DEFAULTS),
                new ControlPolicy(clients.registry())));
        gateway = new NativeGateway(registry, clients, new NativeSettings("1.0.0", 0, 60_000, 60_000, 5_000), codec,
                ids, scheduler, new SimpleMeterRegistry());
    }

    /** A registered terminal of account "user" (or "root" for an admin). */
    Terminal connect(String clientId, String account) {
        Terminal terminal = new Terminal("c" + connectionIds.incrementAndGet());
        terminal.session = gateway.open(terminal,
                new HandshakeRequest(NativeGateway.PATH, Map.of(), Map.of(), "127.0.0.1"));
        JsonNode reply = terminal.request("client::register", Map.of("username", account, "password", PASSWORD,
                "clientId", clientId, "clientType", "WEB"));
        if (!"0000".equals(reply.path("code").asText())) {
            throw new AssertionError("register failed: " + reply);
        }
        terminal.clear();
        return terminal;
    }

    Terminal connect(String clientId) {
        return connect(clientId, "user");
    }

    /** Waits until every task queued on the (open) room so far has run: what its turns were to send, they sent. */
    void settle(String roomId) {
        try {
            rooms.inRoom(roomId, room -> null).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            throw new AssertionError("room " + roomId + " did not settle", e);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    /** A fake connection that records what the server sends, as parsed JSON. */
    final class Terminal implements Connection {

        private final String id;
        private final List<JsonNode> received = new ArrayList<>();
        /** Everything received since the last clear, in arrival order; awaiting consumes nothing here. */
        private final List<JsonNode> history = new ArrayList<>();
        private final AtomicLong requestIds = new AtomicLong(1_000_000_000L);
        private volatile boolean open = true;
        WebSocketSession session;

        Terminal(String id) {
            this.id = id;
        }

        long send(String signal, Object body) {
            long requestId = requestIds.incrementAndGet();
            session.onText(codec.write(Map.of("header", Map.of("v", "1.0.0", "id", requestId, "signal", signal),
                    "body", body)));
            return requestId;
        }

        /** Sends and waits for the answer carrying the same id (a reply or platform::error). */
        JsonNode request(String signal, Object body) {
            long requestId = send(signal, body);
            return await(message -> message.path("header").path("id").asLong() == requestId
                    && message.has("code"));
        }

        /** The next message (in arrival order) the predicate accepts; it is consumed. */
        JsonNode await(Predicate<JsonNode> wanted) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (System.nanoTime() < deadline) {
                synchronized (this) {
                    for (int i = 0; i < received.size(); i++) {
                        if (wanted.test(received.get(i))) {
                            return received.remove(i);
                        }
                    }
                }
                sleep(5);
            }
            throw new AssertionError(id + ": nothing matching arrived; got " + all());
        }

        JsonNode awaitSignal(String signal) {
            return await(message -> signal.equals(message.path("header").path("signal").asText()));
        }

        /**
         * Waits a little and returns every message of that signal received so far, consuming none: for what
         * no event bounds (a closed room's turn cannot be waited for).
         */
        List<JsonNode> receivedQuietly(String signal, long waitMillis) {
            sleep(waitMillis);
            return receivedSoFar(signal);
        }

        /** Every message of that signal received so far, consuming none. */
        synchronized List<JsonNode> receivedSoFar(String signal) {
            return received.stream().filter(m -> signal.equals(m.path("header").path("signal").asText())).toList();
        }

        synchronized List<JsonNode> all() {
            return List.copyOf(received);
        }

        synchronized List<JsonNode> history() {
            return List.copyOf(history);
        }

        synchronized void clear() {
            received.clear();
            history.clear();
        }

        void disconnect() {
            open = false;
            session.onClosed();
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public String remoteIp() {
            return "127.0.0.1";
        }

        @Override
        public boolean sendText(String text) {
            if (!open) {
                return false;
            }
            ObjectNode message = parse(text);
            synchronized (this) {
                received.add(message);
                history.add(message);
            }
            return true;
        }

        @Override
        public void close(int code, String reason) {
            if (open) {
                disconnect();
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Executor executor() {
            return Runnable::run;
        }

        private ObjectNode parse(String text) {
            try {
                return (ObjectNode) codec.mapper().readTree(text);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
