package dev.hongyan.core.media;

import dev.hongyan.core.concurrent.SerialExecutor;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.media.MediaEngine;
import dev.hongyan.media.RouterOptions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Every room's media, by room id: made with a fresh router on the first member, dropped when the last
 * one leaves. Gateways enter through {@link #connect}; the native room service can look a room up by id
 * and attach its members the same way, which is what makes a room one room whatever its members speak.
 */
public final class MediaRooms {

    // A connect that lands on a room closing under it retries on a fresh one; more than a few races in a
    // row would mean a bug, not bad luck.
    private static final int ATTACH_ATTEMPTS = 4;

    private final MediaEngine engine;
    private final MediaRoomSettings settings;
    private final Executor pool;
    // Futures, so concurrent first connects to one room id share a single router creation.
    private final Map<String, CompletableFuture<MediaRoom>> rooms = new ConcurrentHashMap<>();

    /**
     * @param pool threads the rooms' executors run on (each room runs one task at a time on it)
     */
    public MediaRooms(MediaEngine engine, MediaRoomSettings settings, Executor pool) {
        this.engine = engine;
        this.settings = settings;
        this.pool = pool;
    }

    /**
     * Makes {@code peerId} a member of {@code roomId}, creating the room if needed, replacing a member with
     * the same id. The peer is not joined yet: it may create transports, then {@link MediaPeer#join}.
     *
     * @param admin may pause, resume and close other members' producers
     */
    public CompletableFuture<MediaPeer> connect(String roomId, String peerId, boolean admin, MediaPeerListener listener) {
        return connect(roomId, peerId, admin, listener, ATTACH_ATTEMPTS);
    }

    private CompletableFuture<MediaPeer> connect(String roomId, String peerId, boolean admin,
            MediaPeerListener listener, int attempts) {
        return room(roomId).thenCompose(room -> room.attach(peerId, admin, listener)).thenCompose(peer -> {
            if (peer != null) {
                return CompletableFuture.completedFuture(peer);
            }
            if (attempts <= 1) {
                return CompletableFuture.failedFuture(new CoreException(ErrorCode.CONFLICT, "room " + roomId + " keeps closing"));
            }
            return connect(roomId, peerId, admin, listener, attempts - 1);
        });
    }

    /** The room if it exists and is ready. */
    public Optional<MediaRoom> find(String roomId) {
        CompletableFuture<MediaRoom> room = rooms.get(roomId);
        if (room == null || !room.isDone() || room.isCompletedExceptionally()) {
            return Optional.empty();
        }
        MediaRoom ready = room.join();
        return ready.isClosed() ? Optional.empty() : Optional.of(ready);
    }

    public int size() {
        return rooms.size();
    }

    private CompletableFuture<MediaRoom> room(String roomId) {
        CompletableFuture<MediaRoom> room = rooms.computeIfAbsent(roomId, this::create);
        if (room.isDone() && !room.isCompletedExceptionally() && room.join().isClosed()) {
            // Closed but not yet removed: remove it ourselves and make a fresh one.
            rooms.remove(roomId, room);
            room = rooms.computeIfAbsent(roomId, this::create);
        }
        CompletableFuture<MediaRoom> created = room;
        // Outside computeIfAbsent: a failure already known would otherwise update the map recursively.
        created.whenComplete((ignored, failure) -> {
            if (failure != null) {
                // Let the next connect try again rather than remember the failure forever.
                rooms.remove(roomId, created);
            }
        });
        return created;
    }

    private CompletableFuture<MediaRoom> create(String roomId) {
        // Runs inside computeIfAbsent: the map does not count the room being made yet. Concurrent first
        // connects to different rooms may overshoot by a few; the cap is against floods, not exact.
        if (rooms.size() >= settings.maxRooms()) {
            return CompletableFuture.failedFuture(
                    MediaErrors.limit("maxRooms", settings.maxRooms(), "too many rooms, room " + roomId + " not created"));
        }
        RouterOptions options = new RouterOptions(settings.router().mediaCodecs(), Map.of("roomId", roomId));
        CompletableFuture<MediaRoom> room;
        try {
            room = engine.createRouter(options).thenCompose(router ->
                    router.createAudioLevelObserver(MediaRoom.AUDIO_LEVEL_OBSERVER)
                            .whenComplete((observer, failure) -> {
                                if (failure != null) {
                                    router.close();
                                }
                            })
                            .thenApply(observer -> new MediaRoom(roomId, router, observer, new SerialExecutor(pool),
                                    settings, this::closed)));
        } catch (RuntimeException e) {
            room = CompletableFuture.failedFuture(e);
        }
        return room.exceptionallyCompose(failure -> CompletableFuture.failedFuture(MediaErrors.translate(failure)));
    }

    private void closed(MediaRoom room) {
        rooms.computeIfPresent(room.id(), (id, future) ->
                future.isDone() && !future.isCompletedExceptionally() && future.join() == room ? null : future);
    }
}
