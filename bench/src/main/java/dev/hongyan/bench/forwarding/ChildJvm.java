package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A JVM the benchmark starts on the CPUs given (with {@code taskset}) to run what it measures apart from itself,
 * driven by one JSON request per line on the child's stdin and answered one reply per line on its stdout
 * ({@link HostLoop} is the child's side). The child's stderr is passed through.
 */
final class ChildJvm implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final long REPLY_TIMEOUT_SECONDS = 60;
    /** Stands for "stdout closed" in the reply queue. */
    private static final String END = "\0end";

    private final String name;
    private final Process process;
    private final Writer requests;
    private final BlockingQueue<String> replies = new LinkedBlockingQueue<>();
    private final JsonNode started;

    /**
     * Starts {@code mainClass} (a {@link HostLoop} program) and waits for its first reply.
     *
     * @param name what error messages call it ("engine process")
     * @param cpus the CPU list for {@code taskset -c} (e.g. "0")
     * @param javaOptions options for the child's JVM
     */
    ChildJvm(String name, String cpus, List<String> javaOptions, Class<?> mainClass) throws Exception {
        this.name = name;
        List<String> command = new ArrayList<>(List.of("taskset", "-c", cpus,
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
        process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        requests = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readReplies, name + "-replies");
        reader.setDaemon(true);
        reader.start();
        try {
            started = awaitReply("start");
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /** What the child answered once it was up. */
    JsonNode started() {
        return started;
    }

    ObjectNode request() {
        return JSON.createObjectNode();
    }

    /** Sends {@code request} as operation {@code op}; returns the reply's result or throws the child's error. */
    synchronized JsonNode call(String op, ObjectNode request) throws Exception {
        request.put("op", op);
        requests.write(JSON.writeValueAsString(request));
        requests.write('\n');
        requests.flush();
        return awaitReply(op);
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

    private JsonNode awaitReply(String op) throws Exception {
        String line = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        // The JVM itself may print to stdout (a bad -X option, a VM warning): pass those on, they are not replies.
        while (line != null && !line.equals(END) && !line.startsWith("{")) {
            System.err.println(name + ": " + line);
            line = replies.poll(REPLY_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        }
        if (line == null) {
            throw new IllegalStateException(name + ": no reply to " + op + " in " + REPLY_TIMEOUT_SECONDS + " s");
        }
        if (line.equals(END)) {
            replies.add(END);
            throw new IllegalStateException(name + " exited (status "
                    + (process.waitFor(5, TimeUnit.SECONDS) ? process.exitValue() : "unknown") + ") before replying to " + op);
        }
        JsonNode reply = JSON.readTree(line);
        if (!reply.path("ok").asBoolean()) {
            throw new IllegalStateException(name + ": " + reply.path("error").asText());
        }
        return reply.path("result");
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
