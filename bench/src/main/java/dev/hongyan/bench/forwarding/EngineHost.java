package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.media.dtls.DtlsParameters;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The engine's JVM when the benchmark runs it apart ({@link EngineProcess}): an {@link InProcessEngine} driven by
 * one JSON request per line on stdin, one reply per line on stdout ({@code {"ok":true,"result":…}} or
 * {@code {"ok":false,"error":"…"}}). The first line it writes is {@code {"ok":true,"result":{"port":P}}} once
 * the engine is up. It exits when stdin closes or on {@code {"op":"exit"}}; logs go to stderr.
 */
public final class EngineHost {

    public static void main(String[] args) throws Exception {
        PrintStream replies = System.out;
        // The console log appender writes to whatever System.out is when it logs: keep stdout for replies.
        System.setOut(System.err);
        ObjectMapper json = EngineProcess.JSON;
        BufferedReader requests = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (InProcessEngine engine = new InProcessEngine(ForwardingBench.DTLS)) {
            reply(replies, json, json.createObjectNode().put("port", engine.address().getPort()));
            String line;
            while ((line = requests.readLine()) != null) {
                JsonNode request = json.readTree(line);
                String op = request.path("op").asText();
                if (op.equals("exit")) {
                    break;
                }
                Object result;
                try {
                    result = handle(engine, json, op, request);
                } catch (Exception e) {
                    ObjectNode error = json.createObjectNode().put("ok", false).put("error", op + ": " + e);
                    replies.println(json.writeValueAsString(error));
                    continue;
                }
                reply(replies, json, result);
            }
        }
        System.exit(0);
    }

    private static Object handle(InProcessEngine engine, ObjectMapper json, String op, JsonNode request)
            throws Exception {
        String transportId = request.path("transportId").asText();
        return switch (op) {
            case "createTransport" -> engine.createTransport();
            case "connect" -> {
                engine.connect(transportId, json.treeToValue(request.get("dtlsParameters"), DtlsParameters.class));
                yield null;
            }
            case "produce" -> engine.produce(transportId);
            case "consume" -> {
                engine.consume(transportId, request.path("producerId").asText());
                yield null;
            }
            case "beginWindow" -> {
                engine.beginWindow();
                yield null;
            }
            case "endWindow" -> engine.endWindow();
            case "compilationMillis" -> engine.compilationMillis();
            default -> throw new IllegalArgumentException("unknown op \"" + op + "\"");
        };
    }

    private static void reply(PrintStream replies, ObjectMapper json, Object result) throws Exception {
        ObjectNode reply = json.createObjectNode().put("ok", true);
        reply.set("result", json.valueToTree(result));
        replies.println(json.writeValueAsString(reply));
    }

    private EngineHost() {
    }
}
