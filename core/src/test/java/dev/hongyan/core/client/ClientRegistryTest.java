package dev.hongyan.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.account.Account;
import dev.hongyan.core.account.Role;
import dev.hongyan.core.error.CoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Online clients by id, takeovers, and the per-type counts the metrics read. */
class ClientRegistryTest {

    private final ClientRegistry registry = new ClientRegistry();

    private static Client client(String clientId, ClientType type, String account) {
        return new Client(clientId, type, clientId, "127.0.0.1", new Account(account, null, Set.of(Role.USER)), SilentEndpoint.INSTANCE,
                Telemetry.EMPTY, 0, 10);
    }

    @Test
    void countsFollowRegistrationsTakeoversAndRemovals() {
        Client camera = client("c1", ClientType.CAMERA, "alice");
        Client phone = client("m1", ClientType.MOBILE, "alice");
        registry.register(camera);
        registry.register(phone);
        assertThat(registry.countByType()).containsEntry(ClientType.CAMERA, 1).containsEntry(ClientType.MOBILE, 1)
                .containsEntry(ClientType.WEB, 0).hasSize(ClientType.values().length);

        // The same account takes c1 over from a web page: the camera no longer counts.
        Client page = client("c1", ClientType.WEB, "alice");
        assertThat(registry.register(page)).contains(camera);
        assertThat(registry.countByType()).containsEntry(ClientType.CAMERA, 0).containsEntry(ClientType.WEB, 1);

        // The replaced connection going away later must not take the new one's count with it.
        assertThat(registry.remove(camera)).isFalse();
        assertThat(registry.countByType()).containsEntry(ClientType.WEB, 1);

        assertThat(registry.remove(page)).isTrue();
        assertThat(registry.remove(phone)).isTrue();
        assertThat(registry.remove(phone)).isFalse();
        assertThat(registry.countByType().values()).containsOnly(0);
    }

    @Test
    void aRefusedTakeoverChangesNoCount() {
        registry.register(client("c1", ClientType.CAMERA, "alice"));
        assertThatThrownBy(() -> registry.register(client("c1", ClientType.WEB, "mallory")))
                .isInstanceOf(CoreException.class);
        assertThat(registry.countByType()).containsEntry(ClientType.CAMERA, 1).containsEntry(ClientType.WEB, 0);
    }

    @Test
    void concurrentComingsAndGoingsEndAtTheTrueCounts() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < 2_000; i++) {
                        // Ids shared between threads: takeovers race with removals of the replaced clients.
                        Client c = client("id-" + (i % 50), ClientType.values()[(i + thread) % ClientType.values().length],
                                "alice");
                        registry.register(c);
                        if (i % 3 != 0) {
                            registry.remove(c);
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        Map<ClientType, Integer> walked = new java.util.EnumMap<>(ClientType.class);
        for (ClientType type : ClientType.values()) {
            walked.put(type, registry.ofType(type).size());
        }
        assertThat(registry.countByType()).isEqualTo(walked);
        assertThat(registry.countByType().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(registry.size());
    }
}
