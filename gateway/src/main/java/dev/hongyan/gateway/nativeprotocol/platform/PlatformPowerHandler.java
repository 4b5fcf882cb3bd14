package dev.hongyan.gateway.nativeprotocol.platform;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.Notification;
import dev.hongyan.core.platform.PlatformControl;
import dev.hongyan.core.platform.PlatformSettings;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.util.Map;
import java.util.function.Function;

/**
 * platform::reboot, platform::shutdown, system::reboot, system::shutdown: an admin restarts or stops
 * the signaling platform or its host. Every terminal (the sender too) is told first.
 */
public final class PlatformPowerHandler implements SignalHandler<ObjectNode> {

    private final SignalSpec<ObjectNode> spec;
    private final ClientRegistry registry;
    private final PlatformControl platform;
    private final Action action;

    private PlatformPowerHandler(SignalSpec<ObjectNode> spec, ClientRegistry registry, PlatformControl platform, Action action) {
        this.spec = spec;
        this.registry = registry;
        this.platform = platform;
        this.action = action;
    }

    public static PlatformPowerHandler platformReboot(ClientRegistry registry, PlatformControl platform) {
        return new PlatformPowerHandler(spec("platform::reboot", "Restarts the signaling platform by running platform.restartCommand.",
                "platform.restartCommand"), registry, platform, new Action("restartCommand", PlatformSettings::restartCommand, false));
    }

    public static PlatformPowerHandler platformShutdown(ClientRegistry registry, PlatformControl platform) {
        return new PlatformPowerHandler(spec("platform::shutdown", "Stops the signaling server gracefully.", null),
                registry, platform, new Action(null, settings -> null, true));
    }

    public static PlatformPowerHandler systemReboot(ClientRegistry registry, PlatformControl platform) {
        return new PlatformPowerHandler(spec("system::reboot", "Reboots the host by running platform.systemRebootCommand.",
                "platform.systemRebootCommand"), registry, platform,
                new Action("systemRebootCommand", PlatformSettings::systemRebootCommand, false));
    }

    public static PlatformPowerHandler systemShutdown(ClientRegistry registry, PlatformControl platform) {
        return new PlatformPowerHandler(spec("system::shutdown", "Shuts the host down by running platform.systemShutdownCommand.",
                "platform.systemShutdownCommand"), registry, platform,
                new Action("systemShutdownCommand", PlatformSettings::systemShutdownCommand, false));
    }

    private static SignalSpec<ObjectNode> spec(String signal, String summary, String commandKey) {
        return new SignalSpec<>(signal, ObjectNode.class, Access.ADMIN, summary,
                "{}",
                "{} (reply to the admin, after every terminal has been told)",
                """
                server+)terminals
                admin=>server+)terminals""",
                "Disabled unless platform.enabled: 3503" + (commandKey == null ? "" : "; also 3503 while " + commandKey
                        + " is empty") + ". Non-admins: 3403.");
    }

    @Override
    public SignalSpec<ObjectNode> spec() {
        return spec;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        platform.requireEnabled(spec.signal());
        String command = action.commandKey() == null ? null
                : platform.command(spec.signal(), action.commandKey(), action.command().apply(platform.settings()));
        Notification announcement = Notification.of(spec.signal(), Map.of("clientId", context.client().clientId()));
        for (Client client : registry.all()) {
            client.push(announcement);
        }
        if (action.stopsServer()) {
            context.reply(Map.of());
            platform.stopServerSoon();
            return;
        }
        platform.run(command).whenComplete((output, failure) -> {
            if (failure != null) {
                context.fail(failure);
            } else {
                context.reply(Map.of());
            }
        });
    }

    private record Action(String commandKey, Function<PlatformSettings, String> command, boolean stopsServer) {}
}
