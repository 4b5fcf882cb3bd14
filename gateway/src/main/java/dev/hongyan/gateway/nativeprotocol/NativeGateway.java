package dev.hongyan.gateway.nativeprotocol;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import dev.hongyan.gateway.connection.Connection;
import dev.hongyan.gateway.connection.HandshakeDecision;
import dev.hongyan.gateway.connection.HandshakeRequest;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.gateway.connection.WebSocketSession;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The native protocol's WebSocket endpoint and dispatcher. */
public final class NativeGateway implements WebSocketEndpoint {

    public static final String PATH = "/websocket.signal";

    private static final Logger log = LoggerFactory.getLogger(NativeGateway.class);
    private static final Pattern ID_IN_PREFIX = Pattern.compile("\"id\"\\s*:\\s*(\\d{1,16})");

    private final SignalRegistry registry;
    private final ClientService clients;
    private final NativeSettings settings;
    private final NativeCodec codec;
    private final MessageIds ids;
    private final ScheduledExecutorService scheduler;
    private final NativeMetrics metrics;
    private final Set<NativeSession> sessions = ConcurrentHashMap.newKeySet();
    private final ScheduledFuture<?> heartbeatSweep;
    /** {@link #render} as one object: a method reference at the call site would be a new one per receiver. */
    private final Function<Notification, String> renderer = this::render;

    public NativeGateway(SignalRegistry registry, ClientService clients, NativeSettings settings, NativeCodec codec,
            MessageIds ids, ScheduledExecutorService scheduler, MeterRegistry meterRegistry) {
        this.registry = registry;
        this.clients = clients;
        this.settings = settings;
        this.codec = codec;
        this.ids = ids;
        this.scheduler = scheduler;
        this.metrics = new NativeMetrics(meterRegistry);
        this.heartbeatSweep = scheduler.scheduleWithFixedDelay(clients::closeSilentClients,
                settings.heartbeatCheckMillis(), settings.heartbeatCheckMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public String path() {
        return PATH;
    }

    @Override
    public HandshakeDecision handshake(HandshakeRequest request) {
        return HandshakeDecision.ACCEPT;
    }

    @Override
    public WebSocketSession open(Connection connection, HandshakeRequest request) {
        NativeSession session = new NativeSession(this, connection);
        sessions.add(session);
        return session;
    }

    @Override
    public void shutdown() {
        heartbeatSweep.cancel(false);
        for (NativeSession session : sessions) {
            if (session.client() != null) {
                session.sendSignal("platform::shutdown", Map.of("message", "server shutting down"));
            }
        }
    }

    // ---- dispatch ----

    void dispatch(NativeSession session, String text) {
        long start = System.nanoTime();
        NativeCodec.ParsedMessage message;
        try {
            message = codec.parse(text);
        } catch (NativeCodec.MalformedEnvelope e) {
            long id = e.requestId() != null ? e.requestId() : ids.next();
            metrics.in("malformed");
            session.sendError(id, "platform::error", new CoreException(ErrorCode.MALFORMED_MESSAGE, e.getMessage()));
            return;
        } catch (CoreException e) {
            metrics.in("malformed");
            session.sendError(ids.next(), "platform::error", e);
            return;
        }
        if (session.completePending(message)) {
            metrics.in(message.signal());
            return;
        }
        SignalHandler<?> handler = registry.find(message.signal()).orElse(null);
        if (handler == null) {
            metrics.in("unknown");
            session.sendError(message.id(), message.signal(),
                    new CoreException(ErrorCode.UNKNOWN_SIGNAL, "unknown signal \"" + abbreviate(message.signal()) + "\""));
            return;
        }
        metrics.in(message.signal());
        SignalContext context = new SignalContext(session, message.id(), message.signal(), message.body(), start);
        try {
            checkAccess(session, handler.spec());
            invoke(handler, context, message);
        } catch (CoreException e) {
            context.fail(e);
        } catch (RuntimeException e) {
            log.error("handler for {} failed", message.signal(), e);
            context.fail(e);
        }
    }

    private static <B> void invoke(SignalHandler<B> handler, SignalContext context, NativeCodec.ParsedMessage message) {
        B body = context.session().gateway().codec.bind(message.body(), handler.spec().bodyType());
        handler.handle(context, body);
    }

    private static void checkAccess(NativeSession session, SignalSpec<?> spec) {
        Client client = session.client();
        switch (spec.access()) {
            case ANONYMOUS -> { }
            case CLIENT -> requireRegistered(client);
            case ADMIN -> {
                requireRegistered(client);
                if (!client.isAdmin()) {
                    throw new CoreException(ErrorCode.FORBIDDEN, spec.signal() + " is for admin accounts only");
                }
            }
            case SERVER_ONLY -> throw new CoreException(ErrorCode.NOT_ALLOWED,
                    spec.signal() + " is sent by the server, not by clients");
        }
    }

    private static void requireRegistered(Client client) {
        if (client == null) {
            throw new CoreException(ErrorCode.UNAUTHORIZED, "register first (client::register)");
        }
    }

    void refused(NativeSession session, WebSocketSession.Refusal refusal, String textPrefix) {
        Matcher matcher = ID_IN_PREFIX.matcher(textPrefix);
        long id = matcher.find() ? Long.parseLong(matcher.group(1)) : ids.next();
        CoreException error = switch (refusal) {
            case FRAME_TOO_LARGE -> new CoreException(ErrorCode.FRAME_TOO_LARGE, "message larger than the frame limit");
            case RATE_LIMITED -> new CoreException(ErrorCode.RATE_LIMITED, "too many messages per second; message dropped");
            case BINARY_FRAME -> new CoreException(ErrorCode.BINARY_NOT_SUPPORTED, "binary frames are not supported");
        };
        session.sendError(id, "platform::error", error);
    }

    void closed(NativeSession session) {
        sessions.remove(session);
        Client client = session.client();
        if (client != null) {
            clients.offline(client);
        }
    }

    /** {@link #render}, for {@link Notification#render}. */
    Function<Notification, String> renderer() {
        return renderer;
    }

    /** Renders a core notification as a native message (cached per notification by the caller). */
    String render(Notification notification) {
        return codec.write(new Envelope(null, null, new Header(settings.version(), ids.next(), notification.signal()),
                notification.body() == null ? Map.of() : notification.body()));
    }

    private static String abbreviate(String text) {
        return text.length() > 64 ? text.substring(0, 64) + "…" : text;
    }

    // ---- accessors for sessions and handlers ----

    NativeSettings settings() {
        return settings;
    }

    NativeCodec codec() {
        return codec;
    }

    MessageIds ids() {
        return ids;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    NativeMetrics metrics() {
        return metrics;
    }

    public SignalRegistry registry() {
        return registry;
    }

    public int sessionCount() {
        return sessions.size();
    }
}
