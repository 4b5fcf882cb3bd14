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

    /**
     * A delivery body: the timestamp first (servers pass bodies through in order, so receivers find it
     * a few dozen bytes in), then {@code fields}, who sent it, and padding to a realistic size.
     */
    ObjectNode timestamped(ObjectNode fields, String from, String padding) {
        ObjectNode body = body();
        body.put(SENT_FIELD, System.nanoTime());
        body.setAll(fields);
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
        int length = frame.readableBytes();
        byte[] bytes;
        int offset;
        if (frame.hasArray()) {
            bytes = frame.array();
            offset = frame.arrayOffset() + frame.readerIndex();
        } else {
            // Direct buffers: one bulk copy, then a plain array scan; per-byte getByte() on a buffer
            // checks bounds and liveness every time and was the bench's own hottest method.
            bytes = new byte[length];
            frame.getBytes(frame.readerIndex(), bytes);
            offset = 0;
        }
        return sentNanos(bytes, offset, offset + length);
    }

    static long sentNanos(byte[] bytes, int from, int end) {
        int at = indexOf(bytes, from, end, SENT_MARKER);
        if (at < 0) {
            return -1;
        }
        int i = at + SENT_MARKER.length;
        while (i < end && isSpace(bytes[i])) {
            i++;
        }
        if (i >= end || bytes[i] != ':') {
            return -1;
        }
        i++;
        while (i < end && isSpace(bytes[i])) {
            i++;
        }
        long value = 0;
        int digits = 0;
        while (i < end && bytes[i] >= '0' && bytes[i] <= '9') {
            value = value * 10 + (bytes[i] - '0');
            digits++;
            i++;
        }
        return digits == 0 || digits > 18 ? -1 : value;
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t' || b == '\n' || b == '\r';
    }

    private static int indexOf(byte[] bytes, int from, int end, byte[] needle) {
        byte first = needle[0];
        for (int i = from; i <= end - needle.length; i++) {
            if (bytes[i] != first) {
                continue;
            }
            int j = 1;
            while (j < needle.length && bytes[i + j] == needle[j]) {
                j++;
            }
            if (j == needle.length) {
                return i;
            }
        }
        return -1;
    }
}
