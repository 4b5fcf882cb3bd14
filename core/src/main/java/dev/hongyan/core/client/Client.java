package dev.hongyan.core.client;

import dev.hongyan.core.account.Account;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One authenticated terminal: an account's connection under a {@code clientId}. */
public final class Client {

    private final String clientId;
    private final ClientType type;
    private final String name;
    private final String ip;
    private final Account account;
    private final ClientEndpoint endpoint;
    private final long connectedAtMillis;
    private final int alarmsKept;
    private final ArrayDeque<Alarm> alarms = new ArrayDeque<>();
    private final Set<String> roomIds = ConcurrentHashMap.newKeySet();
    /** Holds the telemetry too, so a reader never pairs a status with telemetry from another heartbeat. */
    private volatile ClientStatus status;
    private volatile long lastHeartbeatMillis;

    public Client(String clientId, ClientType type, String name, String ip, Account account, ClientEndpoint endpoint,
            Telemetry telemetry, long nowMillis, int alarmsKept) {
        this.clientId = clientId;
        this.type = type;
        this.name = name;
        this.ip = ip;
        this.account = account;
        this.endpoint = endpoint;
        this.status = new ClientStatus(ip, name, clientId, type.name(), telemetry);
        this.connectedAtMillis = nowMillis;
        this.lastHeartbeatMillis = nowMillis;
        this.alarmsKept = alarmsKept;
    }

    public String clientId() {
        return clientId;
    }

    public ClientType type() {
        return type;
    }

    public String name() {
        return name;
    }

    public String ip() {
        return ip;
    }

    public Account account() {
        return account;
    }

    public boolean isAdmin() {
        return account.isAdmin();
    }

    public ClientEndpoint endpoint() {
        return endpoint;
    }

    public long connectedAtMillis() {
        return connectedAtMillis;
    }

    public Telemetry telemetry() {
        return status.telemetry();
    }

    public long lastHeartbeatMillis() {
        return lastHeartbeatMillis;
    }

    /**
     * Heartbeats come from the client's own connection thread only, so read-merge-write needs no lock;
     * the volatile write publishes the new status to room actors reading it on other threads.
     */
    public void heartbeat(Telemetry update, long nowMillis, String timestamp) {
        Telemetry merged = status.telemetry().merge(update).withLastHeartbeat(timestamp);
        status = new ClientStatus(ip, name, clientId, type.name(), merged);
        lastHeartbeatMillis = nowMillis;
    }

    /**
     * The current status: the same instance until the next heartbeat, so its cached rendering is
     * shared by every list it appears in meanwhile.
     */
    public ClientStatus status() {
        return status;
    }

    public void push(Notification notification) {
        endpoint.push(notification);
    }

    public synchronized void addAlarm(Alarm alarm) {
        alarms.addLast(alarm);
        while (alarms.size() > alarmsKept) {
            alarms.removeFirst();
        }
    }

    public synchronized List<Alarm> alarms() {
        return List.copyOf(alarms);
    }

    /** The rooms this client is a member of (maintained by the room service). */
    public Set<String> roomIds() {
        return roomIds;
    }

    @Override
    public String toString() {
        return clientId + "(" + type + ", " + account.username() + ")";
    }
}
