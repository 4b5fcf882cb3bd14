package dev.hongyan.core.room;

import dev.hongyan.core.account.LoginThrottle;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientListener;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.ClientStatus;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.concurrent.SerialExecutor;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Rooms: who may create, enter, leave, close, invite, expel, broadcast and look; and who is told.
 *
 * <p>Each room's state changes run on the room's own {@link SerialExecutor} (an actor on the shared
 * worker pool), so no room code locks and no caller waits: every operation returns a future that
 * completes on the room's executor. Notifications are pushed from there too, which keeps each room's
 * events in one order for every member. PBKDF2 work (room passwords) runs on the worker pool, never
 * on an event loop and never inside a room's turn.
 *
 * <p>Notifications use the native signal names ({@code room::enter}, ...); other gateways map them.
 */
public final class RoomService implements ClientListener {

    static final String CREATE = "room::create";
    static final String ENTER = "room::enter";
    static final String LEAVE = "room::leave";
    static final String CLOSE = "room::close";
    static final String INVITE = "room::invite";
    static final String EXPEL = "room::expel";
    static final String BROADCAST = "room::broadcast";

    private final ClientService clients;
    private final RoomSettings settings;
    private final LoginThrottle passwordThrottle;
    private final Executor workers;
    private final ScheduledExecutorService scheduler;
    private final SecureRandom random;
    private final Clock clock;
    private final Map<String, Room> rooms = new ConcurrentHashMap<>();
    /** Rooms open or being created (their password is hashing), so maxRooms holds under concurrent creates. */
    private final AtomicInteger roomCount = new AtomicInteger();

    /**
     * Registers itself as a client listener: a client going offline leaves all its rooms.
     *
     * @param passwordThrottle failed room passwords, keyed per room and client
     * @param workers runs room actors and password hashing; never an event loop
     * @param scheduler fires empty-room timers
     */
    public RoomService(ClientService clients, RoomSettings settings, LoginThrottle passwordThrottle, Executor workers,
            ScheduledExecutorService scheduler, SecureRandom random, Clock clock) {
        this.clients = clients;
        this.settings = settings;
        this.passwordThrottle = passwordThrottle;
        this.workers = workers;
        this.scheduler = scheduler;
        this.random = random;
        this.clock = clock;
        clients.addListener(this);
    }

    public RoomSettings settings() {
        return settings;
    }

    // ---- create, list, status ----

    /**
     * Creates a room owned by {@code creator}, who is not entered into it (spec 001). Other clients in
     * the creator's presence scope are told with room::create. An empty room closes after
     * {@code emptyRoomGraceMillis}, so a room nobody enters does not live forever.
     *
     * @param password null for an open room
     * @param mediaClientId the media node the creator chose, or null; kept and shown, not yet used
     */
    public CompletableFuture<RoomInfo> create(Client creator, String name, String password, String mediaClientId) {
        if (roomCount.incrementAndGet() > settings.maxRooms()) {
            roomCount.decrementAndGet();
            return failed(new CoreException(ErrorCode.LIMIT_EXCEEDED,
                    "this server already has rooms.maxRooms = " + settings.maxRooms() + " rooms"));
        }
        CompletableFuture<RoomPassword> hashed = password == null ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(() -> RoomPassword.hash(password, random), workers);
        return hashed.thenApply(roomPassword -> {
            Room room = new Room(UUID.randomUUID().toString(), name, roomPassword, creator, mediaClientId,
                    new SerialExecutor(workers));
            rooms.put(room.id(), room);
            room.executor().execute(() -> closeWhenEmpty(room));
            RoomInfo info = room.info();
            Notification created = Notification.of(CREATE, info);
            for (Client peer : clients.registry().presenceAudience(creator, clients.settings().presenceScope())) {
                peer.push(created);
            }
            return info;
        }).whenComplete((info, failure) -> {
            if (failure != null) {
                roomCount.decrementAndGet();
            }
        });
    }

    /** Every open room, as anyone may see it. Any thread; a snapshot of each room. */
    public List<RoomInfo> list() {
        List<RoomInfo> infos = new ArrayList<>(rooms.size());
        for (Room room : rooms.values()) {
            infos.add(room.info());
        }
        return infos;
    }

    /** One room, as anyone may see it. NOT_FOUND when there is no such room. */
    public RoomInfo status(String roomId) {
        return require(roomId).info();
    }

    public int size() {
        return rooms.size();
    }

    // ---- enter, leave ----

    /**
     * Enters {@code client} into the room. The other members are told with room::enter {roomId,
     * clientId, status}. The password is not needed for an open room, for an admin, or for a client
     * holding a valid invitation (consumed here); otherwise a wrong or missing one is UNAUTHORIZED,
     * and repeated failures lock this client out of this room for a while (TOO_MANY_ATTEMPTS).
     * Already a member: CONFLICT. Room or client limits: LIMIT_EXCEEDED.
     *
     * <p>The future completes on the room's executor before the other members are told, in the same
     * turn: whatever the caller chains on it (the newcomer's answer) is queued ahead of the fan-out
     * instead of behind a frame to every member, and the members still hear room::enter before any
     * later event of the room.
     */
    public CompletableFuture<Entered> enter(Client client, String roomId, String password) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return failed(unknownRoom(roomId));
        }
        String throttleKey = "room:" + roomId + ":" + client.clientId();
        return room.executor().submit(() -> admission(room, client, password, throttleKey))
                .thenCompose(admission -> admission != Admission.CHECK_PASSWORD
                        ? CompletableFuture.completedFuture(admission)
                        : CompletableFuture.supplyAsync(() -> checkPassword(room, password, throttleKey), workers)
                                .whenCompleteAsync((checked, failure) -> room.endPasswordCheck(client.clientId()),
                                        room.executor()))
                .thenCompose(admission -> {
                    CompletableFuture<Entered> entered = new CompletableFuture<>();
                    room.executor().execute(() -> admit(room, client, admission, entered));
                    return entered;
                });
    }

    /** Leaves the room; the other members are told with room::leave. Not a member: NOT_FOUND. */
    public CompletableFuture<Void> leave(Client client, String roomId) {
        return inRoom(roomId, room -> {
            if (!room.isMember(client)) {
                throw CoreException.notFound("you are not in room " + roomId);
            }
            removeMember(room, client);
            return null;
        });
    }

    /** A client that went offline leaves every room it was in, exactly as if it had sent room::leave. */
    @Override
    public void onOffline(Client client) {
        for (String roomId : List.copyOf(client.roomIds())) {
            Room room = rooms.get(roomId);
            if (room == null) {
                client.roomIds().remove(roomId);
                continue;
            }
            room.executor().execute(() -> {
                if (room.isMember(client)) {
                    removeMember(room, client);
                }
            });
        }
    }

    // ---- moderation ----

    /**
     * Closes the room: every member, and the closer, is told with room::close {roomId}; the room and
     * all memberships are gone. Owner, moderators and admins only (FORBIDDEN).
     */
    public CompletableFuture<Void> close(Client closer, String roomId) {
        return inRoom(roomId, room -> {
            if (!room.mayModerate(closer)) {
                throw CoreException.forbidden("only the owner or a moderator of room " + roomId + ", or an admin, may close it");
            }
            closeRoom(room, closer);
            return null;
        });
    }

    /**
     * Removes {@code clientId} from the room: it is told with room::expel {roomId, clientId}, the other
     * members with room::leave, and any invitation it held is revoked. Owner, moderators and admins
     * only; only an admin or the owner may expel the owner (FORBIDDEN). Expelling oneself: CONFLICT
     * (use leave). Not a member: NOT_FOUND.
     */
    public CompletableFuture<Void> expel(Client expeller, String roomId, String clientId) {
        return inRoom(roomId, room -> {
            if (!room.mayModerate(expeller)) {
                throw CoreException.forbidden("only the owner or a moderator of room " + roomId + ", or an admin, may expel");
            }
            Client target = room.member(clientId)
                    .orElseThrow(() -> CoreException.notFound("client " + clientId + " is not in room " + roomId));
            if (target == expeller) {
                throw new CoreException(ErrorCode.CONFLICT, "use room::leave to leave a room");
            }
            if (room.isOwner(target) && !expeller.isAdmin() && !room.isOwner(expeller)) {
                throw CoreException.forbidden("only an admin may expel the owner of room " + roomId);
            }
            room.revokeInvitation(clientId);
            removeMember(room, target, Notification.of(EXPEL, Map.of("roomId", roomId, "clientId", clientId)));
            return null;
        });
    }

    /**
     * Invites an online client: it is told with room::invite and may enter once without the password
     * within {@code inviteTtlMillis}. Members, owner, moderators and admins may invite (FORBIDDEN
     * otherwise). The password itself is never sent to anyone. Invitee not online: NOT_FOUND; already
     * in the room: CONFLICT.
     */
    public CompletableFuture<Void> invite(Client inviter, String roomId, String clientId) {
        Optional<Client> online = clients.registry().find(clientId);
        if (online.isEmpty()) {
            return failed(CoreException.notFound("client " + clientId + " is not online"));
        }
        Client invitee = online.get();
        return inRoom(roomId, room -> {
            if (!room.isMember(inviter) && !room.mayModerate(inviter)) {
                throw CoreException.forbidden("only members of room " + roomId + " may invite to it");
            }
            if (room.isMember(invitee)) {
                throw new CoreException(ErrorCode.CONFLICT, "client " + clientId + " is already in room " + roomId);
            }
            long now = clock.millis();
            room.invite(invitee, now + settings.inviteTtlMillis(), now);
            invitee.push(Notification.of(INVITE, new InviteNotice(roomId, room.name(), clientId, inviter.clientId(),
                    inviter.name(), room.info().passwordProtected(), settings.inviteTtlMillis())));
            return null;
        });
    }

    /** Makes {@code clientId} (a member) a moderator. The owner or an admin only. */
    public CompletableFuture<Void> addModerator(Client granter, String roomId, String clientId) {
        return inRoom(roomId, room -> {
            if (!room.isOwner(granter) && !granter.isAdmin()) {
                throw CoreException.forbidden("only the owner of room " + roomId + " or an admin may name moderators");
            }
            Client member = room.member(clientId)
                    .orElseThrow(() -> CoreException.notFound("client " + clientId + " is not in room " + roomId));
            room.addModerator(member);
            return null;
        });
    }

    // ---- members ----

    /** Passes {@code body} to every other member as room::broadcast. Members only (FORBIDDEN). */
    public CompletableFuture<Void> broadcast(Client sender, String roomId, Object body) {
        return inRoom(roomId, room -> {
            if (!room.isMember(sender)) {
                throw CoreException.forbidden("only members of room " + roomId + " may broadcast to it");
            }
            tellMembers(room, Notification.of(BROADCAST, body), sender);
            return null;
        });
    }

    /** The members' statuses. Members and admins only (FORBIDDEN). */
    public CompletableFuture<List<ClientStatus>> members(Client asker, String roomId) {
        return inRoom(roomId, room -> {
            room.requireMemberOrAdmin(asker, "list its members");
            return room.memberStatuses();
        });
    }

    /**
     * What a member owns in the room; {@code clientId} null means the asker. Members and admins only
     * (FORBIDDEN); a target not in the room: NOT_FOUND.
     */
    public CompletableFuture<MemberMediaIds> mediaIds(Client asker, String roomId, String clientId) {
        return inRoom(roomId, room -> {
            room.requireMemberOrAdmin(asker, "see its members' media");
            String target = clientId == null ? asker.clientId() : clientId;
            if (room.member(target).isEmpty()) {
                throw CoreException.notFound("client " + target + " is not in room " + roomId);
            }
            return room.media().map(media -> media.mediaIds(roomId, target))
                    .orElseGet(() -> MemberMediaIds.none(roomId, target));
        });
    }

    // ---- for the media side and other scopes ----

    /** Attaches (or, with null, detaches) the room's media side. */
    public CompletableFuture<Void> attachMedia(String roomId, RoomMedia media) {
        return inRoom(roomId, room -> {
            room.attachMedia(media);
            return null;
        });
    }

    /**
     * Runs {@code action} on the room's executor, where the room's state may be read and its
     * members told; NOT_FOUND when the room does not exist or closes before the action runs. The
     * seam for room-scoped signals (media::*) to resolve and authorize against the room.
     */
    public <T> CompletableFuture<T> inRoom(String roomId, Function<Room, T> action) {
        Room room = rooms.get(roomId);
        if (room == null) {
            return failed(unknownRoom(roomId));
        }
        return room.executor().submit(() -> {
            if (room.isClosed()) {
                throw unknownRoom(roomId);
            }
            return action.apply(room);
        });
    }

    /** Pushes to every member but {@code except} (null: to all). Call on the room's executor. */
    public void tellMembers(Room room, Notification notification, Client except) {
        for (Client member : room.members()) {
            if (member != except) {
                member.push(notification);
            }
        }
    }

    // ---- internals, all on the room's executor unless said otherwise ----

    private enum Admission { OPEN, INVITED, PASSWORD_OK, CHECK_PASSWORD }

    /** Decides how the client gets in, cheaply; PBKDF2 is left to the worker pool. */
    private Admission admission(Room room, Client client, String password, String throttleKey) {
        checkEnterable(room, client);
        if (room.password() == null || client.isAdmin()) {
            return Admission.OPEN;
        }
        if (room.hasInvitation(client, clock.millis())) {
            return Admission.INVITED;
        }
        long locked = passwordThrottle.lockedFor(throttleKey);
        if (locked > 0) {
            throw new CoreException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "too many wrong passwords for room " + room.id() + "; try again in " + ((locked + 999) / 1000) + " s");
        }
        if (password == null) {
            throw new CoreException(ErrorCode.UNAUTHORIZED, "room " + room.id() + " needs a password");
        }
        if (room.password().matchesCached(password)) {
            passwordThrottle.recordSuccess(throttleKey);
            return Admission.PASSWORD_OK;
        }
        // Guesses fired in parallel would all pass the throttle before the first one failed, and each
        // costs a PBKDF2: one check at a time per client and room.
        if (!room.beginPasswordCheck(client.clientId())) {
            throw new CoreException(ErrorCode.TOO_MANY_ATTEMPTS,
                    "a password check for room " + room.id() + " is already running; wait for its answer");
        }
        return Admission.CHECK_PASSWORD;
    }

    /** On the worker pool: the slow check. */
    private Admission checkPassword(Room room, String password, String throttleKey) {
        if (!room.password().matches(password)) {
            passwordThrottle.recordFailure(throttleKey);
            throw new CoreException(ErrorCode.UNAUTHORIZED, "wrong password for room " + room.id());
        }
        passwordThrottle.recordSuccess(throttleKey);
        return Admission.PASSWORD_OK;
    }

    /** Checks done before and again after the password check: the room may have changed meanwhile. */
    private void checkEnterable(Room room, Client client) {
        if (room.isClosed()) {
            throw unknownRoom(room.id());
        }
        if (room.isMember(client)) {
            throw new CoreException(ErrorCode.CONFLICT, "you are already in room " + room.id());
        }
        boolean replacing = room.member(client.clientId()).isPresent();
        if (!replacing && room.size() >= settings.maxMembers()) {
            throw new CoreException(ErrorCode.LIMIT_EXCEEDED,
                    "room " + room.id() + " is full (rooms.maxMembers = " + settings.maxMembers() + ")");
        }
    }

    /** Enters the client, completes {@code entered}, then tells the other members. */
    private void admit(Room room, Client client, Admission admission, CompletableFuture<Entered> entered) {
        try {
            entered.complete(join(room, client, admission));
        } catch (RuntimeException e) {
            entered.completeExceptionally(e);
            return;
        }
        tellMembers(room, Notification.of(ENTER, new MemberEntered(room.id(), client.clientId(), client.status())),
                client);
    }

    private Entered join(Room room, Client client, Admission admission) {
        checkEnterable(room, client);
        // A connection that took this clientId over (same account) replaces the old one, which
        // was never told it left: the members hear it leave, then the new one enter.
        room.member(client.clientId()).ifPresent(stale -> removeMember(room, stale));
        // Added before the online check, the reverse of onOffline (registry removal, then roomIds):
        // either this sees the client offline, or onOffline sees the room and queues the leave.
        client.roomIds().add(room.id());
        if (client.roomIds().size() > settings.maxRoomsPerClient()) {
            client.roomIds().remove(room.id());
            throw new CoreException(ErrorCode.LIMIT_EXCEEDED,
                    "you are already in rooms.maxRoomsPerClient = " + settings.maxRoomsPerClient() + " rooms");
        }
        if (clients.registry().find(client.clientId()).orElse(null) != client) {
            client.roomIds().remove(room.id());
            throw CoreException.notFound("client " + client.clientId() + " is offline");
        }
        if (admission == Admission.INVITED) {
            room.revokeInvitation(client.clientId());
        }
        room.cancelEmptyTimer();
        room.addMember(client);
        return new Entered(room.info(), client.clientId(), room.memberStatuses());
    }

    private void removeMember(Room room, Client member) {
        removeMember(room, member, null);
    }

    /** Removes a member, tells it {@code toMember} (if any) once it is out, then tells the others it left. */
    private void removeMember(Room room, Client member, Notification toMember) {
        room.removeMember(member);
        release(room, member);
        if (toMember != null) {
            member.push(toMember);
        }
        tellMembers(room, Notification.of(LEAVE, Map.of("roomId", room.id(), "clientId", member.clientId())), null);
        closeWhenEmpty(room);
    }

    /** Frees what a departed member held in the room; the caller tells whom it must. */
    private void release(Room room, Client member) {
        member.roomIds().remove(room.id());
        room.media().ifPresent(media -> media.memberLeft(member.clientId()));
    }

    private void closeRoom(Room room, Client closer) {
        List<Client> former = room.close();
        rooms.remove(room.id(), room);
        roomCount.decrementAndGet();
        room.media().ifPresent(RoomMedia::close);
        Notification closed = Notification.of(CLOSE, Map.of("roomId", room.id()));
        for (Client member : former) {
            member.roomIds().remove(room.id());
            member.push(closed);
        }
        if (closer != null && !former.contains(closer)) {
            closer.push(closed);
        }
    }

    /** Arms the empty-room timer when nobody is left. Closing an empty room tells nobody. */
    private void closeWhenEmpty(Room room) {
        if (room.isClosed() || room.size() > 0) {
            return;
        }
        long generation = room.nextEmptyGeneration();
        try {
            room.emptyTimer(scheduler.schedule(() -> room.executor().execute(() -> {
                if (!room.isClosed() && room.size() == 0 && room.isEmptyGeneration(generation)) {
                    closeRoom(room, null);
                }
            }), settings.emptyRoomGraceMillis(), TimeUnit.MILLISECONDS));
        } catch (RejectedExecutionException e) {
            // The server is stopping; the room dies with it.
        }
    }

    private Room require(String roomId) {
        Room room = rooms.get(roomId);
        if (room == null) {
            throw unknownRoom(roomId);
        }
        return room;
    }

    private static CoreException unknownRoom(String roomId) {
        return CoreException.notFound("room " + roomId + " does not exist");
    }

    private static <T> CompletableFuture<T> failed(CoreException error) {
        return CompletableFuture.failedFuture(error);
    }

    /** room::enter as the other members receive it. */
    public record MemberEntered(String roomId, String clientId, ClientStatus status) {}

    /**
     * room::invite as the invitee receives it: {@code clientId} is the invitee (as in the spec's
     * body), {@code from} the inviter.
     */
    public record InviteNotice(String roomId, String name, String clientId, String from, String fromName,
            boolean passwordProtected, long expiresInMillis) {}

    Collection<Room> rooms() {
        return rooms.values();
    }
}
