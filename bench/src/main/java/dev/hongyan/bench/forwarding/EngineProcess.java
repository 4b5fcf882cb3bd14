package dev.hongyan.bench.forwarding;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.media.dtls.DtlsParameters;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The engine in a JVM of its own ({@link EngineHost}), started on the CPUs given. Run this way the engine has its
 * cores to itself, as a server does whose clients are on other machines: the producer, the peers and the
 * benchmark's own GC no longer take turns with the engine's thread, and the engine's garbage collector pauses
 * only the engine.
 */
final class EngineProcess implements EngineUnderTest {
    private final ChildJvm child;
    private final InetSocketAddress address;

    /**
     * @param cpus the CPU list for {@code taskset -c} (e.g. "0")
     * @param javaOptions options for the engine's JVM
     */
    EngineProcess(String cpus, List<String> javaOptions) throws Exception {
        child = new ChildJvm("engine process", cpus, javaOptions, EngineHost.class);
        address = new InetSocketAddress("127.0.0.1", child.started().path("port").asInt());
    }

    @Override
    public InetSocketAddress address() {
        return address;
    }

    @Override
    public TransportInfo createTransport() throws Exception {
        return ChildJvm.JSON.treeToValue(child.call("createTransport", child.request()), TransportInfo.class);
    }

    @Override
    public void connect(String transportId, DtlsParameters peer) throws Exception {
        ObjectNode request = child.request().put("transportId", transportId);
        request.set("dtlsParameters", ChildJvm.JSON.valueToTree(peer));
        child.call("connect", request);
    }

    @Override
    public String produce(String transportId) throws Exception {
        return child.call("produce", child.request().put("transportId", transportId)).asText();
    }

    @Override
    public void consume(String transportId, String producerId) throws Exception {
        child.call("consume", child.request().put("transportId", transportId).put("producerId", producerId));
    }

    @Override
    public long compilationMillis() throws Exception {
        return child.call("compilationMillis", child.request()).asLong();
    }

    @Override
    public void beginWindow() throws Exception {
        child.call("beginWindow", child.request());
    }

    @Override
    public Window endWindow() throws Exception {
        return ChildJvm.JSON.treeToValue(child.call("endWindow", child.request()), Window.class);
    }

    @Override
    public void close() {
        child.close();
    }
}
