package dev.hongyan.core.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hongyan.core.account.Account;
import dev.hongyan.core.account.Role;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A client's status is built once per heartbeat and rendered once per renderer. */
class ClientStatusTest {

    private final Client client = new Client("cam-1", ClientType.CAMERA, "door camera", "10.0.0.7",
            new Account("alice", null, Set.of(Role.USER)), SilentEndpoint.INSTANCE,
            new Telemetry(null, null, null, null, null, 90, null, null, null, null, null, Map.of("fw", "1"), null), 0, 10);

    private static Telemetry temperature(double celsius) {
        return new Telemetry(null, null, null, celsius, null, null, null, null, null, null, null, null, null);
    }

    @Test
    void statusIsTheSameInstanceUntilAHeartbeat() {
        ClientStatus first = client.status();

        assertThat(client.status()).isSameAs(first);
        assertThat(first.ip()).isEqualTo("10.0.0.7");
        assertThat(first.name()).isEqualTo("door camera");
        assertThat(first.clientId()).isEqualTo("cam-1");
        assertThat(first.clientType()).isEqualTo("CAMERA");
        assertThat(first.telemetry()).isSameAs(client.telemetry());
    }

    @Test
    void aHeartbeatPublishesANewStatusWithTheMergedTelemetry() {
        ClientStatus before = client.status();

        client.heartbeat(temperature(21.5), 1_000, "20260102030405");

        ClientStatus after = client.status();
        assertThat(after).isNotSameAs(before).isNotEqualTo(before);
        assertThat(after.telemetry().temperature()).isEqualTo(21.5);
        assertThat(after.telemetry().battery()).as("kept from before").isEqualTo(90);
        assertThat(after.telemetry().status()).containsEntry("fw", "1");
        assertThat(after.telemetry().lastHeartbeat()).isEqualTo("20260102030405");
        assertThat(after.telemetry()).isSameAs(client.telemetry());
        assertThat(after.clientId()).isEqualTo("cam-1");
        assertThat(after.clientType()).isEqualTo("CAMERA");
        assertThat(before.telemetry().temperature()).as("a published status never changes").isNull();
        assertThat(client.status()).isSameAs(after);
    }

    @Test
    void aStatusIsRenderedOncePerRenderer() {
        ClientStatus status = client.status();
        Object gateway = new Object();
        AtomicInteger renders = new AtomicInteger();

        String first = status.render(gateway, s -> "text-" + renders.incrementAndGet());
        String again = status.render(gateway, s -> "text-" + renders.incrementAndGet());

        assertThat(again).isSameAs(first).isEqualTo("text-1");
        assertThat(status.render(new Object(), s -> "other")).as("another renderer renders its own").isEqualTo("other");
    }

    @Test
    void statusesAreEqualByValueWhateverTheyCached() {
        ClientStatus status = client.status();
        ClientStatus copy = new ClientStatus(status.ip(), status.name(), status.clientId(), status.clientType(),
                status.telemetry());
        status.render(this, s -> "cached");

        assertThat(copy).isEqualTo(status).hasSameHashCodeAs(status);
        assertThat(copy.toString()).isEqualTo(status.toString()).contains("cam-1");
    }

    /**
     * The writer heartbeats as its connection thread does; after each completed heartbeat no reader may
     * get an older status (a cached one that missed the update, or one not yet visible to it).
     */
    @Test
    void aReaderNeverSeesAStatusOlderThanTheLastCompletedHeartbeat() throws InterruptedException {
        int beats = 20_000;
        AtomicInteger completed = new AtomicInteger();
        AtomicReference<String> stale = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            for (int i = 1; i <= beats; i++) {
                client.heartbeat(temperature(i), i, "t" + i);
                completed.set(i);
            }
        });
        Thread reader = new Thread(() -> {
            int seen;
            do {
                seen = completed.get();
                Double read = client.status().telemetry().temperature();
                if (seen > 0 && (read == null || read < seen)) {
                    stale.compareAndSet(null, "read " + read + " after heartbeat " + seen + " completed");
                }
            } while (seen < beats);
        });
        reader.start();
        writer.start();
        writer.join();
        reader.join();

        assertThat(stale.get()).isNull();
        assertThat(client.status().telemetry().temperature()).isEqualTo((double) beats);
    }
}
