package dev.hongyan.core.room;

import dev.hongyan.core.account.Account;
import dev.hongyan.core.account.AccountStore;
import dev.hongyan.core.account.Authenticator;
import dev.hongyan.core.account.LoginThrottle;
import dev.hongyan.core.account.Role;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientEndpoint;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.ClientSettings;
import dev.hongyan.core.client.ClientType;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.client.PresenceScope;
import dev.hongyan.core.client.Telemetry;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * A RoomService over real workers and in-memory clients whose pushes are recorded; its empty-room timers
 * run on a real scheduler, or on one the test drives.
 */
final class RoomFixture implements AutoCloseable {

    final MutableClock clock = new MutableClock();
    final SecureRandom random = new SecureRandom();
    final ClientRegistry registry = new ClientRegistry();
    final ClientService clients;
    final ExecutorService workers = Executors.newFixedThreadPool(2);
    final ScheduledExecutorService scheduler;
    final LoginThrottle throttle = new LoginThrottle(clock, 3, 60_000, 60_000);
    final RoomService rooms;

    RoomFixture(RoomSettings settings) {
        this(settings, PresenceScope.EVERYONE);
    }

    RoomFixture(RoomSettings settings, ScheduledExecutorService scheduler) {
        this(settings, PresenceScope.EVERYONE, scheduler);
    }

    RoomFixture(RoomSettings settings, PresenceScope scope) {
        this(settings, scope, Executors.newSingleThreadScheduledExecutor());
    }

    private RoomFixture(RoomSettings settings, PresenceScope scope, ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        Authenticator authenticator = new Authenticator(new AccountStore(random), throttle, random);
        clients = new ClientService(registry, authenticator, clock, new ClientSettings(60_000, 10, scope));
        rooms = new RoomService(clients, settings, throttle, workers, scheduler, random, clock);
    }

    static RoomSettings settings(int maxRooms, int maxMembers, int maxRoomsPerClient, long graceMillis) {
        return new RoomSettings(maxRooms, maxMembers, maxRoomsPerClient, graceMillis, 60_000);
    }

    /** Online client {@code id} of account {@code id}. */
    Client online(String id) {
        return online(id, id, Role.USER);
    }

    Client admin(String id) {
        return online(id, id, Role.ADMIN);
    }

    Client online(String id, String account, Role role) {
        Client client = new Client(id, ClientType.WEB, id + "-name", "127.0.0.1",
                new Account(account, null, Set.of(role)), new RecordingEndpoint(), Telemetry.EMPTY, clock.millis(), 10);
        registry.register(client);
        return client;
    }

    static RecordingEndpoint inbox(Client client) {
        return (RecordingEndpoint) client.endpoint();
    }

    static <T> T done(CompletableFuture<T> future) {
        try {
            return future.get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** The error code the future failed with; AssertionError when it succeeded. */
    static ErrorCode error(CompletableFuture<?> future) {
        try {
            Object value = future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + value);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof CoreException core) {
                return core.code();
            }
            throw new AssertionError("not a CoreException", e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    static String message(CompletableFuture<?> future) {
        try {
            future.get(10, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure");
        } catch (ExecutionException e) {
            return e.getCause().getMessage();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** Waits until every task queued on the room so far has run. */
    void settle(String roomId) {
        try {
            rooms.inRoom(roomId, room -> null).get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // closed meanwhile: nothing left to wait for
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 10 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        workers.shutdownNow();
    }

    /** What a client was pushed, in order. */
    static final class RecordingEndpoint implements ClientEndpoint {

        private final List<Notification> received = new ArrayList<>();

        @Override
        public synchronized void push(Notification notification) {
            received.add(notification);
        }

        @Override
        public CompletableFuture<Object> request(Notification request, Duration timeout) {
            return CompletableFuture.failedFuture(new CoreException(ErrorCode.NOT_IMPLEMENTED));
        }

        @Override
        public void close(ErrorCode reason, String message) {}

        synchronized List<Notification> all() {
            return List.copyOf(received);
        }

        synchronized List<Notification> of(String signal) {
            return received.stream().filter(n -> n.signal().equals(signal)).toList();
        }

        synchronized List<String> signals() {
            return received.stream().map(Notification::signal).toList();
        }

        synchronized void clear() {
            received.clear();
        }
    }

    static final class MutableClock extends Clock {

        private final AtomicLong millis = new AtomicLong(1_700_000_000_000L);

        void advance(Duration duration) {
            millis.addAndGet(duration.toMillis());
        }

        @Override
        public long millis() {
            return millis.get();
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis.get());
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

}
