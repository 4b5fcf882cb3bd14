package dev.hongyan.server;

import dev.hongyan.core.account.AccountStore;
import dev.hongyan.core.account.Authenticator;
import dev.hongyan.core.account.LoginThrottle;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.client.ClientSettings;
import dev.hongyan.core.media.MediaRooms;
import dev.hongyan.core.control.ControlPolicy;
import dev.hongyan.core.platform.PlatformControl;
import dev.hongyan.core.platform.PlatformSettings;
import dev.hongyan.core.room.RoomService;
import dev.hongyan.core.room.RoomSettings;
import dev.hongyan.core.session.SessionService;
import dev.hongyan.core.session.SessionSettings;
import dev.hongyan.core.turn.TurnCredentials;
import dev.hongyan.gateway.connection.HttpRoute;
import dev.hongyan.gateway.connection.WebSocketEndpoint;
import dev.hongyan.gateway.nativeprotocol.MessageIds;
import dev.hongyan.gateway.nativeprotocol.NativeCodec;
import dev.hongyan.gateway.nativeprotocol.NativeGateway;
import dev.hongyan.gateway.nativeprotocol.NativeSettings;
import dev.hongyan.gateway.nativeprotocol.NativeSignals;
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigFactory;
import dev.hongyan.gateway.protoo.ProtooGateway;
import dev.hongyan.gateway.protoo.ProtooSettings;
import dev.hongyan.media.MediaEngine;
import dev.hongyan.gateway.p2p.P2pGateway;
import dev.hongyan.server.config.Config;
import dev.hongyan.server.metrics.Metrics;
import dev.hongyan.server.web.StaticFiles;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole server, wired by hand: configuration → core services → gateways → the listener. Plain
 * constructors, no container, so the graph is readable top to bottom.
 */
public final class HongyanApplication implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HongyanApplication.class);

    private final HongyanServer server;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService platformExecutor;
    private final MediaEngine mediaEngine;
    private final ExecutorService roomWorkers;
    private final ClientService clients;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final String generatedAdminPassword;

    private HongyanApplication(Config config) {
        Clock clock = Clock.systemDefaultZone();
        SecureRandom random = new SecureRandom();
        PrometheusMeterRegistry meters = Metrics.newRegistry();
        // Cancelled timers (relays answered, calls accepted, rooms re-entered) must leave the queue at
        // once instead of holding their closures until their deadline.
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("hongyan-timer"));
        timer.setRemoveOnCancelPolicy(true);
        this.scheduler = timer;
        this.platformExecutor = Executors.newFixedThreadPool(2, daemon("hongyan-platform"));
        // Room actors and room-password hashing: off the event loops, one thread per core.
        this.roomWorkers = Executors.newFixedThreadPool(Runtime.getRuntime().availableProcessors(), daemon("hongyan-rooms"));

        AccountStore accounts = new AccountStore(random);
        accounts.seed(config.getString("accounts"));
        this.generatedAdminPassword = accounts.isEmpty() ? accounts.createRandomAdmin() : null;
        SecuritySettings security = config.bind("security", SecuritySettings.class);
        LoginThrottle loginThrottle = new LoginThrottle(clock, security.loginMaxFailures(),
                security.loginFailureWindowMillis(), security.loginLockMillis());
        Authenticator authenticator = new Authenticator(accounts, loginThrottle, random);

        ClientRegistry registry = new ClientRegistry();
        this.clients = new ClientService(registry, authenticator, clock, config.bind("clients", ClientSettings.class));
        // One pass over the clients per scrape for all types, rather than one gauge (and pass) per type.
        meters.getPrometheusRegistry().register(() -> clientsByType(registry));

        // Room passwords get their own throttle (keys per room and client), with the login numbers.
        LoginThrottle roomPasswordThrottle = new LoginThrottle(clock, security.loginMaxFailures(),
                security.loginFailureWindowMillis(), security.loginLockMillis());
        RoomService rooms = new RoomService(clients, config.bind("rooms", RoomSettings.class), roomPasswordThrottle,
                roomWorkers, scheduler, random, clock);
        Gauge.builder("hongyan.rooms", rooms, RoomService::size).description("Open rooms").register(meters);

        NativeSettings nativeSettings = config.bind("signal", NativeSettings.class);
        MessageIds ids = new MessageIds(clock, nativeSettings.serverIndex());
        WebRtcSettings webrtc = config.bind("webrtc", WebRtcSettings.class);
        Optional<TurnCredentials> turn = webrtc.turn().secret().isBlank() ? Optional.empty()
                : Optional.of(new TurnCredentials(webrtc.turn().secret(), webrtc.turn().urls(), webrtc.turn().ttlSeconds(), clock));
        ClientConfigFactory configFactory = new ClientConfigFactory(config.bind("clientConfig.media", Map.class),
                webrtc.stunUrls(), turn, clients);
        PlatformControl platform = new PlatformControl(config.bind("platform", PlatformSettings.class), platformExecutor,
                this::stopInBackground);
        SessionService sessions = new SessionService(registry, scheduler, clock, config.bind("sessions", SessionSettings.class));
        clients.addListener(sessions);
        NativeGateway nativeGateway = new NativeGateway(
                NativeSignals.registry(new NativeSignals.Dependencies(clients, ids, configFactory, platform,
                        Duration.ofMillis(nativeSettings.requestTimeoutMillis()), rooms, sessions,
                        new ControlPolicy(registry))),
                clients, nativeSettings, new NativeCodec(), ids, scheduler, meters);
        P2pGateway p2p = new P2pGateway();

        // Media: one engine (one UDP port) shared by every room's router.
        MediaSettings media = config.bind("media", MediaSettings.class);
        try {
            this.mediaEngine = MediaEngine.create(media.engineOptions());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the media UDP port " + media.udpPort(), e);
        }
        // A room's media runs on the same workers as its signaling side: one serial queue per room.
        MediaRooms mediaRooms = new MediaRooms(mediaEngine, media.roomSettings(), roomWorkers);
        Gauge.builder("hongyan.media.rooms", mediaRooms, MediaRooms::size)
                .description("Rooms with a media router").register(meters);
        ProtooGateway protoo = new ProtooGateway(mediaRooms, config.bind("protoo", ProtooSettings.class), scheduler, meters);

        List<WebSocketEndpoint> endpoints = new ArrayList<>(List.of(nativeGateway, p2p.endpoint(), protoo));
        List<HttpRoute> routes = new ArrayList<>(p2p.routes());
        String staticDir = config.getString("http.staticDir");
        if (!staticDir.isBlank()) {
            // Small files, read off the event loop; the shared pool is enough for a page or a test bundle.
            routes.add(new StaticFiles(Path.of(staticDir), ForkJoinPool.commonPool()));
        }
        this.server = new HongyanServer(config, meters, endpoints, routes);
    }

    /** Builds and starts everything; returns once the port is bound. */
    public static HongyanApplication start(Config config) {
        HongyanApplication application = new HongyanApplication(config);
        application.server.start();
        return application;
    }

    public int port() {
        return server.port();
    }

    public ClientService clients() {
        return clients;
    }

    /** The random admin password made because no account was configured; empty otherwise. */
    public Optional<String> generatedAdminPassword() {
        return Optional.ofNullable(generatedAdminPassword);
    }

    /** Stops gracefully (clients are told, then closed). Idempotent; blocks until done. */
    public void stop() {
        server.stop();
        scheduler.shutdownNow();
        platformExecutor.shutdownNow();
        mediaEngine.close();
        roomWorkers.shutdownNow();
        stopped.countDown();
    }

    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    @Override
    public void close() {
        stop();
    }

    private void stopInBackground() {
        Thread stopper = new Thread(this::stop, "hongyan-stop");
        stopper.start();
    }

    private static GaugeSnapshot clientsByType(ClientRegistry registry) {
        GaugeSnapshot.Builder snapshot = GaugeSnapshot.builder().name("hongyan_clients")
                .help("Registered clients by client type");
        registry.countByType().forEach((type, count) -> snapshot.dataPoint(GaugeDataPointSnapshot.builder()
                .labels(Labels.of("type", type.name())).value(count).build()));
        return snapshot.build();
    }

    private static ThreadFactory daemon(String name) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, name + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    public static void main(String[] args) throws InterruptedException {
        Config config = Config.load(args, System.getenv());
        HongyanApplication application = start(config);
        Runtime.getRuntime().addShutdownHook(new Thread(application::stop, "hongyan-sigterm"));
        application.generatedAdminPassword().ifPresent(password -> System.out.println("""

                ==============================================================
                 No accounts configured: created account "admin" (role admin)
                 password: %s
                 Shown once. Configure accounts (HONGYAN_ACCOUNTS) to choose.
                ==============================================================
                """.formatted(password)));
        log.info("Hongyan listening on port {} (native signaling: /websocket.signal; domain P2P: /ws/{domain}, POST /offer)",
                application.port());
        application.awaitStop();
    }
}
