package dev.hongyan.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Spec 001 messages as the bench sends them, and the one thing it reads from deliveries without a JSON
 * parse: the send timestamp it put into broadcast bodies. At 200,000 deliveries a second on the same two
 * cores as the server, a full parse per delivery would take CPU away from the server being measured.
 */
final class Messages {

    /** Body field carrying System.nanoTime() at send; the bench is sender and receiver, so one clock. */
    static final String SENT_FIELD = "benchSentNanos";
    private static final byte[] SENT_MARKER = ("\"" + SENT_FIELD + "\"").getBytes(StandardCharsets.US_ASCII);

    private final ObjectMapper mapper;
    private final String version;

    Messages(ObjectMapper mapper, String version) {
        this.mapper = mapper;
        this.version = version;
    }

    ObjectMapper mapper() {
        return mapper;
    }

    ObjectNode body() {
        return mapper.createObjectNode();
    }

    /** {@code {"header":{"v","id","signal"},"body":{...}}}; a request carries no code or message. */
    String envelope(long id, String signal, ObjectNode body) {
        ObjectNode root = mapper.createObjectNode();
        ObjectNode header = root.putObject("header");
        header.put("v", version);
        header.put("id", id);
        header.put("signal", signal);
        root.set("body", body == null ? mapper.createObjectNode() : body);
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain nodes always serialises", e);
        }
    }

    ObjectNode register(Credentials.Account account, String clientId, String clientType) {
        ObjectNode body = body();
        body.put("username", account.username());
        body.put("password", account.password());
        body.put("clientId", clientId);
        body.put("clientType", clientType);
        body.put("name", clientId);
        return body;
    }

    /** A heartbeat with plausible telemetry, so the server does the same work as for a real device. */
    ObjectNode heartbeat(int battery) {
        ObjectNode body = body();
        body.put("battery", Math.floorMod(battery, 101));
        body.put("signal", 80);
        body.put("charging", false);
        return body;
    }

    ObjectNode roomCreate(String name, String password) {
        ObjectNode body = body();
        body.put("name", name);
        if (password != null) {
            body.put("password", password);
        }
        return body;
    }

    ObjectNode roomId(String roomId, String password) {
        ObjectNode body = body();
        body.put("roomId", roomId);
        if (password != null) {
            body.put("password", password);
        }
        return body;
    }

    /** A delivery body: the timestamp, who sent it, and padding to reach a realistic size. */
    ObjectNode timestamped(ObjectNode body, String from, String padding) {
        body.put(SENT_FIELD, System.nanoTime());
        body.put("from", from);
        if (!padding.isEmpty()) {
            body.put("text", padding);
        }
        return body;
    }

    /** Padding of {@code bytes} ASCII characters (the body's other fields come on top). */
    static String padding(int bytes) {
        return "x".repeat(Math.max(0, bytes));
    }

    /**
     * The value of {@code "benchSentNanos": <digits>} in a frame, or -1 when the frame carries none (any
     * reply, error or other notification, which the caller then parses in full). Whitespace around the
     * colon is allowed, since another server may format its JSON differently.
     */
    static long sentNanos(ByteBuf frame) {
        int from = frame.readerIndex();
        int end = frame.writerIndex();
        int at = indexOf(frame, from, end, SENT_MARKER);
        if (at < 0) {
            return -1;
        }
        int i = at + SENT_MARKER.length;
        while (i < end && isSpace(frame.getByte(i))) {
            i++;
        }
        if (i >= end || frame.getByte(i) != ':') {
            return -1;
        }
        i++;
        while (i < end && isSpace(frame.getByte(i))) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end) {
            byte b = frame.getByte(i);
            if (b < '0' || b > '9') {
                break;
            }
            value = value * 10 + (b - '0');
            digits++;
            i++;
        }
        return digits == 0 || digits > 18 ? -1 : value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static int indexOf(ByteBuf buf, int from, int end, byte[] needle) {
        byte first = needle[0];
        for (int i = from; i <= end - needle.length; i++) {
            if (buf.getByte(i) != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && buf.getByte(i + j) == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
