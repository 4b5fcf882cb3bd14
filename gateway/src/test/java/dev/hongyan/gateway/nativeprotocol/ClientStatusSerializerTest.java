package dev.hongyan.gateway.nativeprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hongyan.core.client.ClientStatus;
import dev.hongyan.core.client.Telemetry;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The native codec writes statuses from their cached text, byte for byte what bean serialisation gives. */
class ClientStatusSerializerTest {

    private final NativeCodec codec = new NativeCodec();

    private static Telemetry full(Map<String, Object> status, Map<String, Object> config) {
        return new Telemetry(31.25, 121.5, 40.0, 21.5, 80, 77, false, true, true, null, "20240102030405", status, config);
    }

    private static String plain(Object value) throws Exception {
        return JsonMapper.builder().build().writeValueAsString(value);
    }

    @Test
    void aFullStatusIsWrittenAsBeanSerialisationWritesIt() throws Exception {
        ClientStatus status = new ClientStatus("10.0.0.7", "cam", "t-cam", "CAMERA",
                full(Map.of("fw", "1.2"), Map.of("quality", Map.of("fps", 30))));

        // The text the record ClientStatus rendered before statuses were cached: nulls left out, telemetry flat.
        String before = "{\"ip\":\"10.0.0.7\",\"name\":\"cam\",\"clientId\":\"t-cam\",\"clientType\":\"CAMERA\","
                + "\"latitude\":31.25,\"longitude\":121.5,\"humidity\":40.0,\"temperature\":21.5,\"signal\":80,"
                + "\"battery\":77,\"alarming\":false,\"charging\":true,\"clientRecording\":true,"
                + "\"lastHeartbeat\":\"20240102030405\",\"status\":{\"fw\":\"1.2\"},\"config\":{\"quality\":{\"fps\":30}}}";
        assertThat(codec.write(status)).isEqualTo(before).isEqualTo(plain(status));
        assertThat(codec.write(status)).as("from the cache").isEqualTo(before);
    }

    @Test
    void aStatusWithLargerMapsIsWrittenAsBeanSerialisationWritesIt() throws Exception {
        ClientStatus status = new ClientStatus("10.0.0.7", "cam", "t-cam", "CAMERA",
                full(Map.of("fw", "1.2", "disk", 0.5, "flags", List.of("a", "b")),
                        Map.of("quality", Map.of("fps", 30, "width", 1280), "muted", false)));

        assertThat(codec.write(status)).isEqualTo(plain(status));
    }

    @Test
    void aMinimalStatusKeepsOnlyItsIdentity() throws Exception {
        ClientStatus status = new ClientStatus("10.0.0.7", null, "t-cam", "WEB", Telemetry.EMPTY);
        ClientStatus noTelemetry = new ClientStatus("10.0.0.7", null, "t-cam", "WEB", null);

        String before = "{\"ip\":\"10.0.0.7\",\"clientId\":\"t-cam\",\"clientType\":\"WEB\"}";
        assertThat(codec.write(status)).isEqualTo(before).isEqualTo(plain(status));
        assertThat(codec.write(noTelemetry)).isEqualTo(before).isEqualTo(plain(noTelemetry));
    }

    @Test
    void writingAStatusAgainDoesNotSerialiseItAgain() throws Exception {
        Counted counted = new Counted();
        ClientStatus status = new ClientStatus("10.0.0.7", "cam", "t-cam", "CAMERA", full(Map.of("seen", counted), null));

        String first = codec.write(status);
        String second = codec.write(Map.of("body", status));
        String third = codec.write(List.of(status, status));

        assertThat(counted.serialised.get()).as("bean serialisation runs once").isEqualTo(1);
        assertThat(first).contains("\"status\":{\"seen\":\"counted\"}");
        assertThat(second).isEqualTo("{\"body\":" + first + "}");
        assertThat(third).isEqualTo("[" + first + "," + first + "]");
        assertThat(new NativeCodec().write(status)).as("another codec renders its own").isEqualTo(first);
        assertThat(counted.serialised.get()).isEqualTo(2);
    }

    @Test
    void aListOfStatusesIsAJsonArrayOfThem() throws Exception {
        ClientStatus a = new ClientStatus("10.0.0.1", "a", "a-1", "WEB", Telemetry.EMPTY);
        ClientStatus b = new ClientStatus("10.0.0.2", null, "b-1", "CAMERA", full(Map.of("fw", "2"), null));

        String text = codec.write(List.of(a, b));

        assertThat(text).isEqualTo(plain(List.of(a, b)));
        JsonNode parsed = codec.mapper().readTree(text);
        assertThat(parsed.isArray()).isTrue();
        assertThat(parsed).hasSize(2);
        assertThat(parsed.get(0).path("clientId").asText()).isEqualTo("a-1");
        assertThat(parsed.get(1).path("battery").asInt()).isEqualTo(77);
        assertThat(codec.write(List.of())).isEqualTo("[]");
    }

    @Test
    void aStatusConvertedToATreeIsATreeNotRawText() {
        ClientStatus status = new ClientStatus("10.0.0.7", "cam", "t-cam", "CAMERA", full(Map.of("fw", "1.2"), null));
        codec.write(status);

        JsonNode tree = codec.mapper().valueToTree(Map.of("members", List.of(status)));

        assertThat(tree.path("members").get(0).isObject()).isTrue();
        assertThat(tree.path("members").get(0).path("status").path("fw").asText()).isEqualTo("1.2");
        assertThat(codec.convert(status, Map.class)).containsEntry("clientId", "t-cam").containsEntry("battery", 77);
    }

    /** A telemetry value that counts how often Jackson serialises it. */
    static final class Counted {
        final AtomicInteger serialised = new AtomicInteger();

        @JsonValue
        public String value() {
            serialised.incrementAndGet();
            return "counted";
        }
    }
}
