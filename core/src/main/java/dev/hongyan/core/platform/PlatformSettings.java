package dev.hongyan.core.platform;

import java.util.Map;

/**
 * The dangerous switches, all off by default.
 *
 * @param enabled master switch for platform::* and system::reboot/shutdown
 * @param scripts named commands an admin may run with platform::script (argv split on spaces; no shell)
 * @param restartCommand what platform::reboot runs (e.g. a systemd restart); empty: refused
 * @param systemRebootCommand what system::reboot runs; empty: refused
 * @param systemShutdownCommand what system::shutdown runs; empty: refused
 * @param commandTimeoutMillis a command still running after this is killed
 */
public record PlatformSettings(boolean enabled, Map<String, String> scripts, String restartCommand,
        String systemRebootCommand, String systemShutdownCommand, long commandTimeoutMillis) {

    public PlatformSettings {
        scripts = scripts == null ? Map.of() : Map.copyOf(scripts);
    }
}
