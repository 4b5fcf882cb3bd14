package dev.hongyan.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private final ObjectMapper mapper = new ObjectMapper();
    private final Messages messages = new Messages(mapper, "1.0.0");

    @Test
    void envelopeIsSpec001HeaderAndBody() throws Exception {
        JsonNode message = mapper.readTree(messages.envelope(1234567812345678L, "client::heartbeat",
                messages.heartbeat(250)));
        assertThat(message.path("header").path("v").asText()).isEqualTo("1.0.0");
        assertThat(message.path("header").path("id").asLong()).isEqualTo(1234567812345678L);
        assertThat(message.path("header").path("signal").asText()).isEqualTo("client::heartbeat");
        assertThat(message.path("body").path("battery").asInt()).isEqualTo(48);
        assertThat(message.has("code")).as("requests carry no code").isFalse();
    }

    @Test
    void registerCarriesCredentialsIdentityAndType() throws Exception {
        JsonNode body = mapper.readTree(messages.envelope(1, "client::register",
                messages.register(new Credentials.Account("bench", "pw:with:colons"), "bench-7", "CAMERA"))).path("body");
        assertThat(body.path("username").asText()).isEqualTo("bench");
        assertThat(body.path("password").asText()).isEqualTo("pw:with:colons");
        assertThat(body.path("clientId").asText()).isEqualTo("bench-7");
        assertThat(body.path("clientType").asText()).isEqualTo("CAMERA");
    }

    @Test
    void roomBodies() throws Exception {
        assertThat(mapper.writeValueAsString(messages.roomCreate("r1", null))).isEqualTo("{\"name\":\"r1\"}");
        assertThat(mapper.writeValueAsString(messages.roomCreate("r1", "pw"))).isEqualTo("{\"name\":\"r1\",\"password\":\"pw\"}");
        assertThat(mapper.writeValueAsString(messages.roomId("abc", null))).isEqualTo("{\"roomId\":\"abc\"}");
    }

    @Test
    void timestampedBodyRoundTripsThroughTheScanner() {
        long before = System.nanoTime();
        String text = messages.envelope(5, "room::broadcast",
                messages.timestamped(messages.roomId("abc", null), "bench-1", Messages.padding(10)));
        long sent = Messages.sentNanos(buffer(text));
        assertThat(sent).isBetween(before, System.nanoTime());
        assertThat(text).contains("\"text\":\"xxxxxxxxxx\"", "\"from\":\"bench-1\"", "\"roomId\":\"abc\"");
    }

    @Test
    void scannerToleratesOtherFormattingAndIgnoresOtherMessages() {
        assertThat(Messages.sentNanos(buffer("{\"body\": {\"benchSentNanos\" :\n 987654321, \"x\": 1}}"))).isEqualTo(987654321L);
        assertThat(Messages.sentNanos(buffer("{\"code\":\"0000\",\"header\":{\"id\":1},\"body\":{}}"))).isEqualTo(-1);
        assertThat(Messages.sentNanos(buffer("{\"body\":{\"benchSentNanos\":\"12\"}}"))).as("a string is not ours").isEqualTo(-1);
        assertThat(Messages.sentNanos(buffer("{\"body\":{\"text\":\"\\\"benchSentNanos\\\":12\"}}")))
                .as("inside an escaped string").isEqualTo(-1);
        assertThat(Messages.sentNanos(buffer("\"benchSentNanos\""))).isEqualTo(-1);
    }

    @Test
    void headerIsReadWithoutParsing() {
        assertThat(header("{\"header\":{\"v\":\"1.0.0\",\"id\":2109080700000012,\"signal\":\"room::enter\"},"
                + "\"body\":{\"signal\":80}}")).isEqualTo(new Messages.Header(2109080700000012L, "room::enter"));
        assertThat(header("{\"code\":\"0000\",\"body\":{\"signal\":\"x\"},\"header\" : { \"signal\" : \"a::b\" , \"id\" : 7 }}"))
                .as("body first, spaces, id last").isEqualTo(new Messages.Header(7, "a::b"));
        assertThat(header("{\"header\":{\"signal\":\"a\"}}")).isEqualTo(new Messages.Header(-1, "a"));
        assertThat(header("{\"body\":{}}")).as("no header").isNull();
        assertThat(header("{\"header\":{\"id\":1}}")).as("no signal").isNull();
        assertThat(header("{\"header\":{\"signal\":\"a\\\"b\"}}")).as("escapes: parse in full").isNull();
        assertThat(header("{\"header\":[1]}")).isNull();
    }

    private static Messages.Header header(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return Messages.header(bytes, 0, bytes.length);
    }

    @Test
    void scannerReadsFromTheReaderIndex() {
        ByteBuf buf = buffer("xx{\"benchSentNanos\":42}");
        buf.readerIndex(2);
        assertThat(Messages.sentNanos(buf)).isEqualTo(42);
        assertThat(buf.readerIndex()).as("the frame is not consumed").isEqualTo(2);
    }

    @Test
    void messageIdsFollowTheSpecLayout() {
        long id = MessageIds.compose(LocalDateTime.of(2026, 11, 21, 9, 8, 7), 12345, 678);
        assertThat(id).isEqualTo(2109080712345678L);
        assertThat(Long.toString(id)).hasSize(16);
        assertThat(id).isLessThan(1L << 53);
        MessageIds ids = new MessageIds();
        ids.index(54321);
        long first = ids.next();
        long second = ids.next();
        assertThat(first % 100_000_000L / 1000).isEqualTo(54321);
        assertThat(second % 1000).isEqualTo((first % 1000 + 1) % 1000);
    }

    @Test
    void credentialsAreUsedRoundRobin() {
        Credentials credentials = Credentials.parse("a:1, b:2:3");
        assertThat(credentials.forClient(0)).isEqualTo(new Credentials.Account("a", "1"));
        assertThat(credentials.forClient(1)).isEqualTo(new Credentials.Account("b", "2:3"));
        assertThat(credentials.forClient(2).username()).isEqualTo("a");
    }

    private static ByteBuf buffer(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.UTF_8);
    }
}
