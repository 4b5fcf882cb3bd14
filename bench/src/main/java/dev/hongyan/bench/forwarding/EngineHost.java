package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hongyan.media.dtls.DtlsParameters;
import java.io.PrintStream;

/**
 * The engine's JVM when the benchmark runs it apart ({@link EngineProcess}): an {@link InProcessEngine} served
 * over {@link HostLoop}. The start reply is {@code {"port":P}} once the engine is up.
 */
public final class EngineHost {

    public static void main(String[] args) throws Exception {
        PrintStream replies = HostLoop.takeStdout();
        try (InProcessEngine engine = new InProcessEngine(ForwardingBench.DTLS)) {
            HostLoop.serve(replies, ChildJvm.JSON.createObjectNode().put("port", engine.address().getPort()),
                    (op, request) -> handle(engine, op, request));
        }
        System.exit(0);
    }

    private static Object handle(InProcessEngine engine, String op, JsonNode request) throws Exception {
        String transportId = request.path("transportId").asText();
        return switch (op) {
            case "createTransport" -> engine.createTransport();
            case "connect" -> {
                engine.connect(transportId, ChildJvm.JSON.treeToValue(request.get("dtlsParameters"), DtlsParameters.class));
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

    private EngineHost() {
    }
}
