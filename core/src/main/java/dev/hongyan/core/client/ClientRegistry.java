package dev.hongyan.core.client;

import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/** The online clients by {@code clientId}. O(1) lookups; safe from any thread. */
public final class ClientRegistry {

    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final Map<String, Client> admins = new ConcurrentHashMap<>();
    /**
     * Online clients per type (by ordinal), kept as they come and go: the metrics scrape reads these
     * instead of walking every client (15,000 of them, on every scrape).
     */
    private final AtomicIntegerArray countsByType = new AtomicIntegerArray(ClientType.values().length);

    /**
     * Puts the client online. A {@code clientId} already online may only be taken over by the same
     * account; the previous client is returned so the caller can close it.
     */
    public Optional<Client> register(Client client) {
        Client[] replaced = new Client[1];
        clients.compute(client.clientId(), (id, existing) -> {
            if (existing != null && !existing.account().username().equals(client.account().username())) {
                throw new CoreException(ErrorCode.CONFLICT,
                        "clientId \"" + id + "\" is online under another account");
            }
            replaced[0] = existing;
            return client;
        });
        countsByType.incrementAndGet(client.type().ordinal());
        if (replaced[0] != null) {
            countsByType.decrementAndGet(replaced[0].type().ordinal());
            admins.remove(replaced[0].clientId(), replaced[0]);
        }
        if (client.isAdmin()) {
            admins.put(client.clientId(), client);
        }
        return Optional.ofNullable(replaced[0]);
    }

    /** Takes the client offline unless another connection has already taken its id over. */
    public boolean remove(Client client) {
        admins.remove(client.clientId(), client);
        boolean removed = clients.remove(client.clientId(), client);
        if (removed) {
            countsByType.decrementAndGet(client.type().ordinal());
        }
        return removed;
    }

    public Optional<Client> find(String clientId) {
        return clientId == null ? Optional.empty() : Optional.ofNullable(clients.get(clientId));
    }

    public Client require(String clientId) {
        return find(clientId).orElseThrow(() -> CoreException.notFound("client \"" + clientId + "\" is not online"));
    }

    public Collection<Client> all() {
        return clients.values();
    }

    public List<Client> ofType(ClientType type) {
        List<Client> result = new ArrayList<>();
        for (Client client : clients.values()) {
            if (type == null || client.type() == type) {
                result.add(client);
            }
        }
        return result;
    }

    public Collection<Client> admins() {
        return admins.values();
    }

    public int size() {
        return clients.size();
    }

    /** Online clients of each type (every type present, zero included); no walk over the clients. */
    public Map<ClientType, Integer> countByType() {
        Map<ClientType, Integer> counts = new EnumMap<>(ClientType.class);
        for (ClientType type : ClientType.values()) {
            counts.put(type, countsByType.get(type.ordinal()));
        }
        return counts;
    }

    /** Who hears of {@code subject}'s presence changes, never {@code subject} itself. */
    public List<Client> presenceAudience(Client subject, PresenceScope scope) {
        List<Client> audience = new ArrayList<>();
        Collection<Client> candidates = switch (scope) {
            case NONE -> List.of();
            case ADMINS -> admins.values();
            case EVERYONE, SAME_ACCOUNT -> clients.values();
        };
        for (Client client : candidates) {
            if (client == subject) {
                continue;
            }
            if (scope == PresenceScope.SAME_ACCOUNT && !client.isAdmin()
                    && !client.account().username().equals(subject.account().username())) {
                continue;
            }
            audience.add(client);
        }
        return audience;
    }
}
