package dev.hongyan.gateway.nativeprotocol.client;

import dev.hongyan.core.client.Client;
import dev.hongyan.core.client.ClientRegistry;
import dev.hongyan.core.client.Notification;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;
import java.time.Duration;
import java.util.Map;

/**
 * client::reboot and client::shutdown: an admin tells a device to reboot or shut down. The server
 * relays the command and answers the admin (same id) with the device's answer, without waiting on
 * any thread.
 */
public final class DeviceCommandHandler implements SignalHandler<TargetBody> {

    private final SignalSpec<TargetBody> spec;
    private final ClientRegistry registry;
    private final Duration timeout;

    private DeviceCommandHandler(SignalSpec<TargetBody> spec, ClientRegistry registry, Duration timeout) {
        this.spec = spec;
        this.registry = registry;
        this.timeout = timeout;
    }

    public static DeviceCommandHandler reboot(ClientRegistry registry, Duration timeout) {
        return new DeviceCommandHandler(spec("client::reboot", "reboot"), registry, timeout);
    }

    public static DeviceCommandHandler shutdown(ClientRegistry registry, Duration timeout) {
        return new DeviceCommandHandler(spec("client::shutdown", "shut down"), registry, timeout);
    }

    private static SignalSpec<TargetBody> spec(String signal, String verb) {
        return new SignalSpec<>(signal, TargetBody.class, Access.ADMIN,
                "An admin tells a terminal to " + verb + "; the terminal's answer is returned to the admin.",
                "{\"clientId\": \"target terminal id\"}  (admin to server); {} (server to terminal)",
                "the terminal's answer body",
                """
                admin=>server=>terminal
                server->terminal""",
                "Non-admin senders: 3403. A target not online: 3404. No answer within signal.requestTimeoutMillis: 2001. "
                        + "The target going offline before answering: 2002. The target answering with an error code: 2003.");
    }

    @Override
    public SignalSpec<TargetBody> spec() {
        return spec;
    }

    @Override
    public void handle(SignalContext context, TargetBody body) {
        Client target = registry.require(body.clientId());
        context.replyWhenDone(target.endpoint().request(Notification.of(spec.signal(), Map.of()), timeout));
    }
}
