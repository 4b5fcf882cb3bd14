package dev.hongyan.bench.forwarding;

import dev.hongyan.media.ForwardingMetrics;
import dev.hongyan.media.dtls.DtlsParameters;
import dev.hongyan.media.ice.IceParameters;
import java.net.InetSocketAddress;

/**
 * The engine side of the forwarding benchmark, whether it runs in the benchmark's JVM ({@link InProcessEngine})
 * or in a JVM of its own on a core of its own ({@link EngineProcess}). Calls come from one thread.
 */
interface EngineUnderTest extends AutoCloseable {

    /** A transport the engine created: what a peer needs to run ICE and DTLS against it. */
    record TransportInfo(String id, IceParameters iceParameters, DtlsParameters dtlsParameters) {}

    /**
     * What the engine did during a measured window: its forwarding metrics, the CPU of its loop thread and of
     * its whole process (GC and compiler threads included), and the heap its loop thread allocated (-1 where
     * the JVM cannot tell).
     */
    record Window(ForwardingMetrics metrics, long loopCpuNanos, long processCpuNanos, long loopAllocatedBytes) {}

    /** The engine's UDP address. */
    InetSocketAddress address();

    TransportInfo createTransport() throws Exception;

    /** Gives the transport its peer's DTLS parameters. */
    void connect(String transportId, DtlsParameters peer) throws Exception;

    /** Produces the benchmark's VP8 stream ({@link BenchPackets#producerParameters()}); returns the producer id. */
    String produce(String transportId) throws Exception;

    /** Consumes the producer on the transport, not paused. */
    void consume(String transportId, String producerId) throws Exception;

    /** Milliseconds the engine's JVM has spent compiling so far (its JIT settling tells the warm-up is over). */
    long compilationMillis() throws Exception;

    /** Starts a measured window (resets the forwarding metrics, notes the CPU and allocation counters). */
    void beginWindow() throws Exception;

    /** Ends the window started last. */
    Window endWindow() throws Exception;

    @Override
    void close();
}
