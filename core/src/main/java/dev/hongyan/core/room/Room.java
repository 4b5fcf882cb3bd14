package dev.hongyan.core.room;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientStatus;
import dev.hongyan.core.concurrent.SerialExecutor;
import dev.hongyan.core.error.CoreException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * One room. Its identity is immutable; everything else (members, moderators, invitations, media) is
 * confined to {@link #executor()}: every method not marked otherwise must be called there, which is
 * what lets this class hold no lock. {@link #info()} is the exception: lists read it from any thread.
 */
public final class Room {

    private final String id;
    private final String name;
    private final RoomPassword password;
    private final Identity owner;
    private final String mediaClientId;
    private final SerialExecutor executor;

    private final Map<String, Client> members = new LinkedHashMap<>();
    private final Set<Identity> moderators = new HashSet<>();
    private final Map<String, Invitation> invitations = new HashMap<>();
    private final Set<String> passwordChecks = new HashSet<>();
    private RoomMedia media;
    private boolean closed;
    private ScheduledFuture<?> emptyTimer;
    private long emptyGeneration;
    /** Written on the executor, read by room::list from any thread: a snapshot, never torn. */
    private volatile RoomInfo info;

    Room(String id, String name, RoomPassword password, Client owner, String mediaClientId, SerialExecutor executor) {
        this.id = id;
        this.name = name;
        this.password = password;
        this.owner = Identity.of(owner);
        this.mediaClientId = mediaClientId;
        this.executor = executor;
        this.info = snapshot();
    }

    /** Any thread. */
    public String id() {
        return id;
    }

    /** Any thread. */
    public String name() {
        return name;
    }

    /** Any thread. The media node chosen at creation, or null. */
    public String mediaClientId() {
        return mediaClientId;
    }

    /** Any thread: where this room's state may be touched. */
    public SerialExecutor executor() {
        return executor;
    }

    /** Any thread: the latest published state. */
    public RoomInfo info() {
        return info;
    }

    public boolean isClosed() {
        return closed;
    }

    /** The member with this clientId, if it is this very connection (not a replaced one). */
    public boolean isMember(Client client) {
        return members.get(client.clientId()) == client;
    }

    public Optional<Client> member(String clientId) {
        return Optional.ofNullable(members.get(clientId));
    }

    public Collection<Client> members() {
        return Collections.unmodifiableCollection(members.values());
    }

    public int size() {
        return members.size();
    }

    public Optional<RoomMedia> media() {
        return Optional.ofNullable(media);
    }

    /** Owner, moderator or admin: may close the room and expel members. */
    public boolean mayModerate(Client client) {
        Identity identity = Identity.of(client);
        return client.isAdmin() || owner.equals(identity) || moderators.contains(identity);
    }

    public boolean isOwner(Client client) {
        return owner.equals(Identity.of(client));
    }

    /** Throws FORBIDDEN unless {@code client} is a member of this room or an admin. */
    public void requireMemberOrAdmin(Client client, String action) {
        if (!isMember(client) && !client.isAdmin()) {
            throw CoreException.forbidden("only members of room " + id + " may " + action);
        }
    }

    List<ClientStatus> memberStatuses() {
        List<ClientStatus> statuses = new ArrayList<>(members.size());
        for (Client member : members.values()) {
            statuses.add(member.status());
        }
        return statuses;
    }

    RoomPassword password() {
        return password;
    }

    void addMember(Client client) {
        members.put(client.clientId(), client);
        publish();
    }

    boolean removeMember(Client client) {
        boolean removed = members.remove(client.clientId(), client);
        if (removed) {
            publish();
        }
        return removed;
    }

    void addModerator(Client client) {
        moderators.add(Identity.of(client));
    }

    void invite(Client invitee, long expiresAtMillis, long nowMillis) {
        invitations.values().removeIf(invitation -> invitation.expiresAtMillis <= nowMillis);
        invitations.put(invitee.clientId(), new Invitation(Identity.of(invitee), expiresAtMillis));
    }

    boolean hasInvitation(Client client, long nowMillis) {
        Invitation invitation = invitations.get(client.clientId());
        return invitation != null && invitation.expiresAtMillis > nowMillis && invitation.invitee.equals(Identity.of(client));
    }

    /** False when this client already has a password check running for this room. */
    boolean beginPasswordCheck(String clientId) {
        return passwordChecks.add(clientId);
    }

    void endPasswordCheck(String clientId) {
        passwordChecks.remove(clientId);
    }

    void revokeInvitation(String clientId) {
        invitations.remove(clientId);
    }

    void attachMedia(RoomMedia media) {
        this.media = media;
    }

    /** Marks the room closed and hands back its members; the caller tells and releases them. */
    List<Client> close() {
        closed = true;
        cancelEmptyTimer();
        List<Client> former = new ArrayList<>(members.values());
        members.clear();
        moderators.clear();
        invitations.clear();
        publish();
        return former;
    }

    /**
     * Cancels any running empty-room timer and returns the generation a new one must still find
     * current when it fires: a timer that lost a race with an entering member then does nothing.
     */
    long nextEmptyGeneration() {
        cancelEmptyTimer();
        return emptyGeneration;
    }

    void emptyTimer(ScheduledFuture<?> timer) {
        emptyTimer = timer;
    }

    boolean isEmptyGeneration(long generation) {
        return emptyGeneration == generation;
    }

    void cancelEmptyTimer() {
        if (emptyTimer != null) {
            emptyTimer.cancel(false);
            emptyTimer = null;
        }
        emptyGeneration++;
    }

    private void publish() {
        info = snapshot();
    }

    private RoomInfo snapshot() {
        return new RoomInfo(id, name, members.size(), mediaClientId, password != null, owner.clientId());
    }

    /**
     * A clientId alone is not an identity: once a client is offline, another account may register its
     * id. Rights (owner, moderator, invitation) therefore bind the account too.
     */
    private record Identity(String clientId, String account) {
        static Identity of(Client client) {
            return new Identity(client.clientId(), client.account().username());
        }
    }

    private record Invitation(Identity invitee, long expiresAtMillis) {}
}
