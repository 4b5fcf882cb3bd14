package dev.hongyan.core.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.account.Account;
import dev.hongyan.core.account.Role;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.ClientType;
import dev.hongyan.core.client.SilentEndpoint;
import dev.hongyan.core.client.Telemetry;
import dev.hongyan.core.error.CoreException;
import dev.hongyan.core.error.ErrorCode;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ControlPolicyTest {

    private final ClientRegistry registry = new ClientRegistry();
    private final ControlPolicy policy = new ControlPolicy(registry);
    private final Account admin = new Account("admin", null, Set.of(Role.ADMIN));
    private final Account alice = new Account("alice", null, Set.of(Role.USER));
    private final Account bob = new Account("bob", null, Set.of(Role.USER, Role.DEVICE));

    private Client online(String clientId, Account account) {
        Client client = new Client(clientId, ClientType.CAMERA, clientId, "127.0.0.1", account, SilentEndpoint.INSTANCE, Telemetry.EMPTY, 0, 10);
        registry.register(client);
        return client;
    }

    @Test
    void anAdminControlsAnyTerminal() {
        Client console = online("console", admin);
        Client camera = online("bob-camera", bob);
        assertThat(policy.authorize(console, "bob-camera")).isSameAs(camera);
    }

    @Test
    void aUserControlsTheTerminalsOfItsOwnAccount() {
        Client phone = online("alice-phone", alice);
        Client camera = online("alice-camera", alice);
        assertThat(policy.authorize(phone, "alice-camera")).isSameAs(camera);
    }

    @Test
    void aUserMayNotControlAnotherAccountsTerminal() {
        Client phone = online("alice-phone", alice);
        online("bob-camera", bob);
        assertThatThrownBy(() -> policy.authorize(phone, "bob-camera"))
                .isInstanceOf(CoreException.class).extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.FORBIDDEN);
    }

    @Test
    void anOfflineTargetIsNotFoundAndOneselfIsInvalid() {
        Client console = online("console", admin);
        assertThatThrownBy(() -> policy.authorize(console, "ghost"))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThatThrownBy(() -> policy.authorize(console, "console"))
                .extracting(e -> ((CoreException) e).code()).isEqualTo(ErrorCode.INVALID_BODY);
    }
}
