package dev.hongyan.gateway.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

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
import dev.hongyan.core.room.RoomService;
import dev.hongyan.core.room.RoomSettings;
import dev.hongyan.core.session.SessionService;
import dev.hongyan.core.session.SessionSettings;
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

/** docs/protocol.md is generated from the handlers; this fails when the committed file is stale. */
class ProtocolReferenceTest {

    private static final Path REFERENCE = Path.of("..", "docs", "protocol.md");

    static SignalRegistry fullRegistry() {
        Clock clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        AccountStore accounts = new AccountStore(random);
        ClientService clients = new ClientService(new ClientRegistry(),
                new Authenticator(accounts, new LoginThrottle(clock, 5, 60_000, 30_000), random), clock,
                new ClientSettings(60_000, 10, PresenceScope.EVERYONE));
        PlatformControl platform = new PlatformControl(new PlatformSettings(false, Map.of(), "", "", "", 1000),
                Executors.newSingleThreadExecutor(), () -> { });
        return NativeSignals.registry(new NativeSignals.Dependencies(clients, new MessageIds(clock, 0),
                new ClientConfigFactory(Map.of(), List.of(), Optional.empty(), clients), platform, Duration.ofSeconds(5),
                new RoomService(clients, RoomSettings.DEFAULTS, new LoginThrottle(clock, 5, 60_000, 30_000),
                        Runnable::run, Executors.newSingleThreadScheduledExecutor(), random, clock),
                new SessionService(clients.registry(), Executors.newSingleThreadScheduledExecutor(), clock,
                        SessionSettings.DEFAULTS),
                new ControlPolicy(clients.registry())));
    }

    @Test
    void committedReferenceMatchesTheHandlers() throws IOException {
        String generated = ProtocolReference.markdown(fullRegistry());
        if (Boolean.getBoolean("hongyan.updateDocs")) {
            Files.createDirectories(REFERENCE.getParent());
            Files.writeString(REFERENCE, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(REFERENCE)).as("docs/protocol.md exists (run ./hongyan docs)").isTrue();
        assertThat(Files.readString(REFERENCE, StandardCharsets.UTF_8))
                .as("docs/protocol.md is stale: run ./hongyan docs and commit it")
                .isEqualTo(generated);
    }

    @Test
    void everySignalIsDocumented() {
        for (SignalHandler<?> handler : fullRegistry().all()) {
            SignalSpec<?> spec = handler.spec();
            assertThat(spec.summary()).as(spec.signal()).isNotBlank();
            assertThat(spec.flow()).as(spec.signal()).isNotBlank();
        }
    }

    @Test
    void registryRefusesDuplicates() {
        SignalRegistry registry = fullRegistry();
        SignalHandler<?> any = registry.all().iterator().next();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registry.register(any))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(any.spec().signal());
    }
}
