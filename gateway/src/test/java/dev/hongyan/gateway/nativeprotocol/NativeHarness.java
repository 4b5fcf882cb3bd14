package dev.hongyan.gateway.nativeprotocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hongyan.core.account.AccountStore;
import dev.hongyan.core.account.Authenticator;
import dev.hongyan.core.account.LoginThrottle;
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
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigFactory;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The native gateway with every handler and real core services, driven through in-memory
 * connections: the dispatcher, bodies, rules and relays as the server runs them, without sockets.
 */
public final class NativeHarness implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    public final ClientService clients;
    public final SessionService sessions;
    public final NativeGateway gateway;

    public NativeHarness(long callTimeoutMillis, long requestTimeoutMillis) {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        AccountStore accounts = new AccountStore(random);
        accounts.seed("admin:admin-pw:admin,alice:alice-pw:user,bob:bob-pw:user");
        clients = new ClientService(new ClientRegistry(),
                new Authenticator(accounts, new LoginThrottle(clock, 50, 60_000, 30_000), random), clock,
                new ClientSettings(60_000, 10, PresenceScope.NONE));
        sessions = new SessionService(clients.registry(), scheduler, clock, new SessionSettings(callTimeoutMillis, 16));
        clients.addListener(sessions);
        PlatformControl platform = new PlatformControl(new PlatformSettings(false, Map.of(), "", "", "", 1000),
                Executors.newSingleThreadExecutor(), () -> { });
        MessageIds ids = new MessageIds(clock, 0);
        SignalRegistry registry = NativeSignals.registry(new NativeSignals.Dependencies(clients, ids,
                new ClientConfigFactory(Map.of(), List.of(), Optional.empty(), clients), platform,
                Duration.ofMillis(requestTimeoutMillis),
                new RoomService(clients, RoomSettings.DEFAULTS, new LoginThrottle(clock, 50, 60_000, 30_000), Runnable::run,
                        scheduler, random, clock),
                sessions, new ControlPolicy(clients.registry())));
        gateway = new NativeGateway(registry, clients, new NativeSettings("1.0.0", 0, 10_000, 60_000, requestTimeoutMillis),
                new NativeCodec(), ids, scheduler, new SimpleMeterRegistry());
    }

    /** A connected, registered terminal. */
    public Terminal register(String clientId, String username) throws InterruptedException {
        Terminal terminal = connect();
        JsonNode reply = terminal.request("client::register", Map.of("username", username, "password", username + "-pw",
                "clientId", clientId, "clientType", "WEB"));
        if (!"0000".equals(reply.path("code").asText())) {
            throw new IllegalStateException("register failed: " + reply);
        }
        terminal.next("client::config");
        return terminal;
    }

    public Terminal connect() {
        Terminal terminal = new Terminal();
        terminal.session = gateway.open(terminal, new HandshakeRequest(NativeGateway.PATH, Map.of(), Map.of(), "127.0.0.1"));
        return terminal;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }

    /** One in-memory connection and the messages the server sent on it. */
    public static final class Terminal implements Connection {
        private static final AtomicLong IDS = new AtomicLong(1);
        private final BlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
        private final Executor serial = Executors.newSingleThreadExecutor();
        private WebSocketSession session;
        private volatile boolean open = true;

        @Override
        public String id() {
            return "t" + hashCode();
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
            try {
                inbox.add(JSON.readTree(text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return true;
        }

        @Override
        public void close(int code, String reason) {
            disconnect();
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public Executor executor() {
            return serial;
        }

        /** Sends a message, as the socket would deliver it: on this connection's thread. */
        public long send(String signal, Object body) {
            long id = IDS.getAndIncrement();
            sendRaw(id, signal, body, null);
            return id;
        }

        public void sendRaw(long id, String signal, Object body, String code) {
            Map<String, Object> envelope = new java.util.LinkedHashMap<>();
            if (code != null) {
                envelope.put("code", code);
            }
            envelope.put("header", Map.of("v", "1.0.0", "id", id, "signal", signal));
            envelope.put("body", body);
            try {
                String text = JSON.writeValueAsString(envelope);
                serial.execute(() -> session.onText(text));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        /** Sends and waits for the message carrying the same id (the reply or platform::error). */
        public JsonNode request(String signal, Object body) throws InterruptedException {
            long id = send(signal, body);
            return nextWithId(id);
        }

        public JsonNode nextWithId(long id) throws InterruptedException {
            return next(message -> message.path("header").path("id").asLong() == id, "a message with id " + id);
        }

        public JsonNode next(String signal) throws InterruptedException {
            return next(message -> signal.equals(message.path("header").path("signal").asText()), signal);
        }

        private JsonNode next(java.util.function.Predicate<JsonNode> wanted, String what) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            java.util.List<JsonNode> skipped = new java.util.ArrayList<>();
            try {
                while (true) {
                    JsonNode message = inbox.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (message == null) {
                        throw new AssertionError("no " + what + " within 5 s; got " + skipped);
                    }
                    if (wanted.test(message)) {
                        return message;
                    }
                    skipped.add(message);
                }
            } finally {
                // Messages that were not wanted now stay readable for later expectations, in order.
                java.util.List<JsonNode> rest = new java.util.ArrayList<>(skipped);
                inbox.drainTo(rest);
                inbox.addAll(rest);
            }
        }

        /** Nothing arrives within the time. */
        public JsonNode poll(long millis) throws InterruptedException {
            return inbox.poll(millis, TimeUnit.MILLISECONDS);
        }

        /** The socket refuses writes from now on, but the session has not been told it closed (yet). */
        public void stopAcceptingWrites() {
            open = false;
        }

        public void disconnect() {
            if (open) {
                open = false;
                serial.execute(() -> session.onClosed());
            }
        }
    }
}
