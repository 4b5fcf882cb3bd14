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
        Slice slice = Slice.of(frame);
        return sentNanos(slice.bytes(), slice.from(), slice.end());
    }

    /** A frame's bytes as an array range. */
    record Slice(byte[] bytes, int from, int end) {
        static Slice of(ByteBuf frame) {
            int length = frame.readableBytes();
            if (frame.hasArray()) {
                int from = frame.arrayOffset() + frame.readerIndex();
                return new Slice(frame.array(), from, from + length);
            }
            // Direct buffers: one bulk copy, then plain array scans; per-byte getByte() on a buffer
            // checks bounds and liveness every time and was the bench's own hottest method.
            byte[] bytes = new byte[length];
            frame.getBytes(frame.readerIndex(), bytes);
            return new Slice(bytes, 0, length);
        }
    }

    /** header.id and header.signal of a message, read without parsing it. */
    record Header(long id, String signal) {}

    private static final byte[] HEADER_KEY = "\"header\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ID_KEY = "\"id\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SIGNAL_KEY = "\"signal\"".getBytes(StandardCharsets.US_ASCII);

    /**
     * The header of a message by byte scanning, or null when it is not in the simple shape (then the
     * caller parses the message in full). Notifications are most of what a room member receives
     * (room::enter, room::client::list...); the bench only counts them, so it need not parse them.
     * The header object holds only scalars (v, id, signal), so its end is the first '}' after it.
     */
    static Header header(byte[] bytes, int from, int end) {
        int at = indexOf(bytes, from, end, HEADER_KEY);
        if (at < 0) {
            return null;
        }
        int i = skipSpace(bytes, at + HEADER_KEY.length, end);
        if (i >= end || bytes[i] != ':') {
            return null;
        }
        i = skipSpace(bytes, i + 1, end);
        if (i >= end || bytes[i] != '{') {
            return null;
        }
        int close = i;
        while (close < end && bytes[close] != '}') {
            close++;
        }
        if (close >= end) {
            return null;
        }
        long id = -1;
        int idAt = indexOf(bytes, i, close, ID_KEY);
        if (idAt >= 0) {
            int j = skipSpace(bytes, idAt + ID_KEY.length, close);
            if (j < close && bytes[j] == ':') {
                j = skipSpace(bytes, j + 1, close);
                long value = 0;
                int digits = 0;
                while (j < close && bytes[j] >= '0' && bytes[j] <= '9' && digits < 18) {
                    value = value * 10 + (bytes[j++] - '0');
                    digits++;
                }
                id = digits == 0 ? -1 : value;
            }
        }
        int signalAt = indexOf(bytes, i, close, SIGNAL_KEY);
        if (signalAt < 0) {
            return null;
        }
        int j = skipSpace(bytes, signalAt + SIGNAL_KEY.length, close);
        if (j >= close || bytes[j] != ':') {
            return null;
        }
        j = skipSpace(bytes, j + 1, close);
        if (j >= close || bytes[j] != '"') {
            return null;
        }
        int start = j + 1;
        int stop = start;
        while (stop < close && bytes[stop] != '"' && bytes[stop] != '\\') {
            stop++;
        }
        if (stop >= close || bytes[stop] != '"') {
            return null;
        }
        return new Header(id, new String(bytes, start, stop - start, StandardCharsets.UTF_8));
    }

    private static int skipSpace(byte[] bytes, int i, int end) {
        while (i < end && isSpace(bytes[i])) {
            i++;
        }
        return i;
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
