package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The child's side of {@link ChildJvm}: one JSON request per line on stdin ({@code {"op":…,…}}), one reply per
 * line on stdout ({@code {"ok":true,"result":…}} or {@code {"ok":false,"error":"…"}}). The first line written
 * is the start reply. It returns when stdin closes or on {@code {"op":"exit"}}; logs go to stderr.
 */
final class HostLoop {

    /** Answers one operation; what it returns is the reply's result (null for none). */
    interface Operations {
        Object handle(String op, JsonNode request) throws Exception;
    }

    /** Must run before anything logs: the console log appender writes to whatever System.out is when it logs. */
    static PrintStream takeStdout() {
        PrintStream replies = System.out;
        System.setOut(System.err);
        return replies;
    }

    static void serve(PrintStream replies, Object started, Operations operations) throws Exception {
        ObjectMapper json = ChildJvm.JSON;
        reply(replies, json, started);
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = requests.readLine()) != null) {
            JsonNode request = json.readTree(line);
            String op = request.path("op").asText();
            if (op.equals("exit")) {
                return;
            }
            Object result;
            try {
                result = operations.handle(op, request);
            } catch (Exception e) {
                ObjectNode error = json.createObjectNode().put("ok", false).put("error", op + ": " + e);
                replies.println(json.writeValueAsString(error));
                continue;
            }
            reply(replies, json, result);
        }
    }

    private static void reply(PrintStream replies, ObjectMapper json, Object result) throws Exception {
        ObjectNode reply = json.createObjectNode().put("ok", true);
        reply.set("result", json.valueToTree(result));
        replies.println(json.writeValueAsString(reply));
    }

    private HostLoop() {
    }
}
