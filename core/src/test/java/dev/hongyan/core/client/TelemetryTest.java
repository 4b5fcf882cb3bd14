package dev.hongyan.core.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hongyan.core.error.CoreException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TelemetryTest {

    @Test
    void mergeKeepsFieldsTheUpdateDoesNotCarry() {
        Telemetry first = new Telemetry(1.0, 2.0, null, null, 50, 80, false, true, null, null, null,
                Map.of("fw", "1"), null);
        Telemetry update = new Telemetry(null, null, 40.0, null, null, 79, null, null, null, null, null, null, null);
        Telemetry merged = first.merge(update).withLastHeartbeat("20261121120000");
        assertThat(merged.latitude()).isEqualTo(1.0);
        assertThat(merged.humidity()).isEqualTo(40.0);
        assertThat(merged.battery()).isEqualTo(79);
        assertThat(merged.charging()).isTrue();
        assertThat(merged.status()).containsEntry("fw", "1");
        assertThat(merged.lastHeartbeat()).isEqualTo("20261121120000");
    }

    @Test
    void nullValuesInMapsAreDroppedAndRangesChecked() {
        Map<String, Object> status = new HashMap<>();
        status.put("a", null);
        status.put("b", 2);
        assertThat(new Telemetry(null, null, null, null, null, null, null, null, null, null, null, status, null).status())
                .containsOnlyKeys("b");
        assertThatThrownBy(() -> new Telemetry(91.0, null, null, null, null, null, null, null, null, null, null, null, null))
                .isInstanceOf(CoreException.class).hasMessage("latitude must be between -90.0 and 90.0");
        assertThatThrownBy(() -> new Telemetry(null, null, null, null, null, 101, null, null, null, null, null, null, null))
                .isInstanceOf(CoreException.class).hasMessage("battery must be between 0 and 100");
    }
}
