package dev.hongyan.server.support;

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
import dev.hongyan.core.session.SessionService;
import dev.hongyan.core.session.SessionSettings;
import dev.hongyan.gateway.nativeprotocol.MessageIds;
import dev.hongyan.gateway.nativeprotocol.NativeCodec;
import dev.hongyan.gateway.nativeprotocol.NativeGateway;
import dev.hongyan.gateway.nativeprotocol.NativeSettings;
import dev.hongyan.gateway.nativeprotocol.NativeSignals;
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigFactory;
import dev.hongyan.gateway.p2p.P2pGateway;
import dev.hongyan.server.HongyanServer;
import dev.hongyan.server.ServerSettings;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The real Netty server on an ephemeral loopback port with the native gateway (every handler) and the
 * domain P2P gateway, wired like the application, with short timeouts for tests. Accounts:
 * admin/admin-pw (admin), alice/alice-pw and bob/bob-pw (user).
 */
public final class CallsTestServer implements AutoCloseable {

    public static final String ACCOUNTS = "admin:admin-pw:admin,alice:alice-pw:user,bob:bob-pw:user";

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(1);
    private final ExecutorService platformExecutor = Executors.newSingleThreadExecutor();
    private final HongyanServer server;
    public final SessionService sessions;
    public final P2pGateway p2p;

    public CallsTestServer(long callTimeoutMillis, long requestTimeoutMillis) {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        AccountStore accounts = new AccountStore(random);
        accounts.seed(ACCOUNTS);
        ClientService clients = new ClientService(new ClientRegistry(),
                new Authenticator(accounts, new LoginThrottle(clock, 100, 60_000, 30_000), random), clock,
                new ClientSettings(60_000, 10, PresenceScope.NONE));
        sessions = new SessionService(clients.registry(), scheduler, clock, new SessionSettings(callTimeoutMillis, 16));
        clients.addListener(sessions);
        PlatformControl platform = new PlatformControl(new PlatformSettings(false, Map.of(), "", "", "", 1000),
                platformExecutor, () -> { });
        MessageIds ids = new MessageIds(clock, 0);
        var signals = NativeSignals.registry(new NativeSignals.Dependencies(clients, ids,
                new ClientConfigFactory(Map.of(), List.of(), Optional.empty(), clients), platform,
                Duration.ofMillis(requestTimeoutMillis), sessions, new ControlPolicy(clients.registry())));
        PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        NativeGateway nativeGateway = new NativeGateway(signals, clients,
                new NativeSettings("1.0.0", 0, 10_000, 60_000, requestTimeoutMillis), new NativeCodec(), ids, scheduler, meters);
        p2p = new P2pGateway();
        ServerSettings defaults = TestServers.settings();
        // SDP offers are several KiB: frame and body limits as in production, not the tiny test ones.
        ServerSettings settings = defaults
                .withHttp(new ServerSettings.Http("127.0.0.1", 0, defaults.http().tls(), false, 1 << 20))
                .withLimits(TestServers.limits(65_536, 1000, 1000, 1000));
        server = new HongyanServer(settings, meters, List.of(nativeGateway, p2p.endpoint()), p2p.routes()).start();
    }

    public int port() {
        return server.port();
    }

    public String httpUrl() {
        return "http://127.0.0.1:" + port();
    }

    public String wsUrl(String path) {
        return "ws://127.0.0.1:" + port() + path;
    }

    @Override
    public void close() {
        server.close();
        scheduler.shutdownNow();
        platformExecutor.shutdownNow();
    }
}
