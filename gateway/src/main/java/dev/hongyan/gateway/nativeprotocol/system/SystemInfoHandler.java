package dev.hongyan.gateway.nativeprotocol.system;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** system::info: the server host's disks, memory, OS and JVM. */
public final class SystemInfoHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("system::info", ObjectNode.class, Access.CLIENT,
            "Describes the server host: disks, JVM memory, OS, Java, CPUs.",
            "{}",
            """
            {
                "diskspace"    : [{"path": "mount point", "free": bytes, "total": bytes}, ...],
                "maxMemory"    : bytes,
                "freeMemory"   : bytes,
                "totalMemory"  : bytes,
                "osArch"       : "architecture",
                "osName"       : "OS name",
                "osVersion"    : "OS version",
                "javaVmName"   : "JVM name",
                "javaVersion"  : "Java version",
                "cpuProcessors": CPU count
            }""",
            "terminal=>server",
            "");

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        List<Map<String, Object>> disks = new ArrayList<>();
        for (File root : File.listRoots()) {
            disks.add(Map.of("path", root.getPath(), "free", root.getFreeSpace(), "total", root.getTotalSpace()));
        }
        Runtime runtime = Runtime.getRuntime();
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("diskspace", disks);
        info.put("maxMemory", runtime.maxMemory());
        info.put("freeMemory", runtime.freeMemory());
        info.put("totalMemory", runtime.totalMemory());
        info.put("osArch", System.getProperty("os.arch"));
        info.put("osName", System.getProperty("os.name"));
        info.put("osVersion", System.getProperty("os.version"));
        info.put("javaVmName", System.getProperty("java.vm.name"));
        info.put("javaVersion", System.getProperty("java.version"));
        info.put("cpuProcessors", runtime.availableProcessors());
        context.reply(info);
    }
}
