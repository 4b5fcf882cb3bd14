package dev.hongyan.server.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** Creates the process's one Prometheus registry. */
public final class Metrics {

    private Metrics() {}

    /**
     * A registry with the JVM and process binders already bound (memory, GC, threads, CPU, uptime,
     * resident set size), so that a bare server already exposes what the load benchmark reads.
     * Create one per process: the GC binder installs JMX listeners that live as long as the JVM.
     */
    public static PrometheusMeterRegistry newRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // Micrometer has no RSS binder; Prometheus' own client calls this process_resident_memory_bytes.
        Gauge.builder("process.resident.memory", ResidentMemory::bytes)
                .description("Resident set size (VmRSS from /proc/self/status); NaN where unavailable")
                .baseUnit("bytes")
                .register(registry);
        return registry;
    }
}
