package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.media.dtls.DtlsParameters;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The engine in a JVM of its own ({@link EngineHost}), started on the CPUs given (with {@code taskset}), driven
 * over the child's stdin and stdout. Run this way the engine has its cores to itself, as a server does whose
 * clients are on other machines: the producer, the peers and the benchmark's own GC no longer take turns
 * with the engine's thread, and the engine's garbage collector pauses only the engine.
 */
final class EngineProcess implements EngineUnderTest {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final long REPLY_TIMEOUT_SECONDS = 60;
    /** Stands for "stdout closed" in the reply queue. */
    private static final String END = "\0end";

    private final Process process;
    private final Writer requests;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final InetSocketAddress address;

    /**
     * @param cpus the CPU list for {@code taskset -c} (e.g. "0")
     * @param javaOptions options for the engine's JVM
     */
    EngineProcess(String cpus, List<String> javaOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), EngineHost.class.getName()));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, "engine-process-replies");
        reader.setDaemon(true);
        reader.start();
        try {
            address = new InetSocketAddress("127.0.0.1", awaitReply("start").path("port").asInt());
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    private void readReplies() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                replies.add(line);
            }
        } catch (IOException e) {
            // the process went away: END below tells the waiting request
        }
        replies.add(END);
    }

    private synchronized JsonNode call(String op, ObjectNode request) throws Exception {
        request.put("op", op);
        requests.write(JSON.writeValueAsString(request));
        requests.write('\n');
        requests.flush();
        return awaitReply(op);
    }

    private JsonNode awaitReply(String op) throws Exception {
        String line = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // The JVM itself may print to stdout (a bad -X option, a VM warning): pass those on, they are not replies.
        while (line != null && !line.equals(END) && !line.startsWith("{")) {
            System.err.println("engine process: " + line);
            line = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        if (line == null) {
            throw new IllegalStateException("engine process: no reply to " + op + " in " + REPLY_TIMEOUT_SECONDS + " s");
        }
        if (line.equals(END)) {
            replies.add(END);
            throw new IllegalStateException("engine process exited (status "
                    + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "unknown") + ") before replying to " + op);
        }
        JsonNode reply = JSON.readTree(line);
        if (!reply.path("ok").asBoolean()) {
            throw new IllegalStateException("engine process: " + reply.path("error").asText());
        }
        return reply.path("result");
    }

    private ObjectNode request() {
        return JSON.createObjectNode();
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public TransportInfo createTransport() throws Exception {
        return JSON.treeToValue(call("createTransport", request()), TransportInfo.class);
    }

    @Override
    public void connect(String transportId, DtlsParameters peer) throws Exception {
        ObjectNode request = request().put("transportId", transportId);
        request.set("dtlsParameters", JSON.valueToTree(peer));
        call("connect", request);
    }

    @Override
    public String produce(String transportId) throws Exception {
        return call("produce", request().put("transportId", transportId)).asText();
    }

    @Override
    public void consume(String transportId, String producerId) throws Exception {
        call("consume", request().put("transportId", transportId).put("producerId", producerId));
    }

    @Override
    public long compilationMillis() throws Exception {
        return call("compilationMillis", request()).asLong();
    }

    @Override
    public void beginWindow() throws Exception {
        call("beginWindow", request());
    }

    @Override
    public Window endWindow() throws Exception {
        return JSON.treeToValue(call("endWindow", request()), Window.class);
    }

    @Override
    public void close() {
        try {
            synchronized (this) {
                requests.write("{\"op\":\"exit\"}\n");
                requests.flush();
            }
        } catch (IOException e) {
            // already gone
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
