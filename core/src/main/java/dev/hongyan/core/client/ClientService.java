package dev.hongyan.core.client;

import dev.hongyan.core.account.Account;
import dev.hongyan.core.account.Authenticator;
import dev.hongyan.core.error.ErrorCode;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Terminals coming online, reporting, going offline; and who is told. */
public final class ClientService {

    private static final DateTimeFormatter SPEC_DATETIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ClientRegistry registry;
    private final Authenticator authenticator;
    private final Clock clock;
    private final ClientSettings settings;
    private final List<ClientListener> listeners = new CopyOnWriteArrayList<>();

    public ClientService(ClientRegistry registry, Authenticator authenticator, Clock clock, ClientSettings settings) {
        this.registry = registry;
        this.authenticator = authenticator;
        this.clock = clock;
        this.settings = settings;
    }

    public ClientRegistry registry() {
        return registry;
    }

    public ClientSettings settings() {
        return settings;
    }

    public void addListener(ClientListener listener) {
        listeners.add(listener);
    }

    /**
     * Authenticates and puts the client online. A previous connection of the same account under the
     * same clientId is told and closed. Presence is announced separately ({@link #announceOnline}) so
     * that the gateway can answer the register request first.
     */
    public Client register(RegisterCommand command, ClientEndpoint endpoint, String ip) {
        ClientType type = ClientType.parse(command.clientType(), "clientType");
        Account account = authenticator.authenticate(command.username(), command.password(), ip);
        long now = clock.millis();
        Telemetry telemetry = command.telemetry().withLastHeartbeat(now());
        String name = command.name() == null ? command.clientId() : command.name();
        Client client = new Client(command.clientId(), type, name, ip, account, endpoint, telemetry, now,
                settings.alarmsKept());
        registry.register(client).ifPresent(previous -> {
            // The old connection is gone from the registry already, so its close must not announce
            // the id as offline: offline() checks that.
            previous.endpoint().close(ErrorCode.CONFLICT, "clientId taken over by a new connection of the same account");
        });
        return client;
    }

    public void announceOnline(Client client) {
        Notification online = Notification.droppable("client::online", client.status());
        for (Client peer : registry.presenceAudience(client, settings.presenceScope())) {
            peer.push(online);
        }
    }

    /**
     * Takes the client offline: listeners release what this connection held (they compare clients by
     * identity, so a newer connection under the same clientId keeps its own), and the presence audience
     * is told, unless the clientId was taken over by a newer connection and so is still online.
     */
    public void offline(Client client) {
        boolean removed = registry.remove(client);
        for (ClientListener listener : listeners) {
            listener.onOffline(client);
        }
        if (!removed) {
            return;
        }
        Notification offline = Notification.droppable("client::offline", Map.of("clientId", client.clientId()));
        for (Client peer : registry.presenceAudience(client, settings.presenceScope())) {
            peer.push(offline);
        }
    }

    public void heartbeat(Client client, Telemetry update) {
        client.heartbeat(update, clock.millis(), now());
    }

    /**
     * Closes every client whose last heartbeat is older than the timeout; each is told (TIMEOUT) and
     * goes offline when its connection ends.
     */
    public void closeSilentClients() {
        long deadline = clock.millis() - settings.heartbeatTimeoutMillis();
        for (Client client : registry.all()) {
            if (client.lastHeartbeatMillis() < deadline) {
                client.endpoint().close(ErrorCode.TIMEOUT, "no heartbeat for " + settings.heartbeatTimeoutMillis() + " ms");
            }
        }
    }

    /** Keeps the alarm and tells every admin client. */
    public Alarm alarm(Client client, String message, String datetime) {
        Alarm alarm = new Alarm(client.clientId(), message, datetime == null ? now() : datetime, clock.millis());
        client.addAlarm(alarm);
        Notification notification = Notification.of("client::alarm", Map.of(
                "clientId", alarm.clientId(), "name", client.name(), "message", alarm.message(), "datetime", alarm.datetime()));
        for (Client admin : registry.admins()) {
            if (admin != client) {
                admin.push(notification);
            }
        }
        return alarm;
    }

    /** The spec's timestamp format, {@code yyyyMMddHHmmss}, in the server's zone. */
    public String now() {
        return LocalDateTime.now(clock).format(SPEC_DATETIME);
    }
}
