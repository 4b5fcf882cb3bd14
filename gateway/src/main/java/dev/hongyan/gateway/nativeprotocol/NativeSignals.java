package dev.hongyan.gateway.nativeprotocol;

import dev.hongyan.core.client.ClientService;
import dev.hongyan.core.control.ControlPolicy;
import dev.hongyan.core.platform.PlatformControl;
import dev.hongyan.core.room.RoomService;
import dev.hongyan.core.session.SessionService;
import dev.hongyan.gateway.nativeprotocol.client.ClientAlarmHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientBroadcastHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientCloseHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigFactory;
import dev.hongyan.gateway.nativeprotocol.client.ClientConfigHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientHeartbeatHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientListHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientOfflineHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientOnlineHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientRegisterHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientStatusHandler;
import dev.hongyan.gateway.nativeprotocol.client.ClientUnicastHandler;
import dev.hongyan.gateway.nativeprotocol.client.DeviceCommandHandler;
import dev.hongyan.gateway.nativeprotocol.control.ControlRelayHandler;
import dev.hongyan.gateway.nativeprotocol.platform.PlatformErrorHandler;
import dev.hongyan.gateway.nativeprotocol.platform.PlatformPowerHandler;
import dev.hongyan.gateway.nativeprotocol.platform.PlatformScriptHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomBroadcastHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomClientListHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomClientListIdHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomCloseHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomCreateHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomEnterHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomExpelHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomInviteHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomLeaveHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomListHandler;
import dev.hongyan.gateway.nativeprotocol.room.RoomStatusHandler;
import dev.hongyan.gateway.nativeprotocol.session.SessionCallHandler;
import dev.hongyan.gateway.nativeprotocol.session.SessionCloseHandler;
import dev.hongyan.gateway.nativeprotocol.session.SessionExchangeHandler;
import dev.hongyan.gateway.nativeprotocol.session.SessionMediaHandler;
import dev.hongyan.gateway.nativeprotocol.system.SystemInfoHandler;
import java.time.Duration;

/** Every native signal's handler, wired to the core services. */
public final class NativeSignals {

    private NativeSignals() {}

    /** What the handlers need from core. */
    public record Dependencies(ClientService clients, MessageIds ids, ClientConfigFactory configFactory,
            PlatformControl platform, Duration requestTimeout, RoomService rooms, SessionService sessions,
            ControlPolicy control) {}

    public static SignalRegistry registry(Dependencies deps) {
        var registry = new SignalRegistry();
        var clientRegistry = deps.clients().registry();
        registry.register(new ClientRegisterHandler(deps.clients(), deps.ids(), deps.configFactory()))
                .register(new ClientHeartbeatHandler(deps.clients()))
                .register(new ClientConfigHandler(deps.configFactory()))
                .register(new ClientListHandler(clientRegistry))
                .register(new ClientStatusHandler(clientRegistry))
                .register(new ClientOnlineHandler())
                .register(new ClientOfflineHandler())
                .register(new ClientCloseHandler())
                .register(new ClientBroadcastHandler(clientRegistry))
                .register(new ClientUnicastHandler(clientRegistry))
                .register(new ClientAlarmHandler(deps.clients()))
                .register(DeviceCommandHandler.reboot(clientRegistry, deps.requestTimeout()))
                .register(DeviceCommandHandler.shutdown(clientRegistry, deps.requestTimeout()))
                .register(new SystemInfoHandler())
                .register(new PlatformErrorHandler())
                .register(new PlatformScriptHandler(deps.platform()))
                .register(PlatformPowerHandler.platformReboot(clientRegistry, deps.platform()))
                .register(PlatformPowerHandler.platformShutdown(clientRegistry, deps.platform()))
                .register(PlatformPowerHandler.systemReboot(clientRegistry, deps.platform()))
                .register(PlatformPowerHandler.systemShutdown(clientRegistry, deps.platform()));
        registerRooms(registry, deps.rooms());
        registerSessionAndControl(registry, deps);
        return registry;
    }

    private static void registerRooms(SignalRegistry registry, RoomService rooms) {
        registry.register(new RoomCreateHandler(rooms))
                .register(new RoomEnterHandler(rooms))
                .register(new RoomLeaveHandler(rooms))
                .register(new RoomCloseHandler(rooms))
                .register(new RoomInviteHandler(rooms))
                .register(new RoomExpelHandler(rooms))
                .register(new RoomBroadcastHandler(rooms))
                .register(new RoomListHandler(rooms))
                .register(new RoomStatusHandler(rooms))
                .register(new RoomClientListHandler(rooms))
                .register(new RoomClientListIdHandler(rooms));
    }

    private static void registerSessionAndControl(SignalRegistry registry, Dependencies deps) {
        registry.register(new SessionCallHandler(deps.sessions()))
                .register(new SessionExchangeHandler(deps.sessions()))
                .register(SessionMediaHandler.pause(deps.sessions()))
                .register(SessionMediaHandler.resume(deps.sessions()))
                .register(new SessionCloseHandler(deps.sessions()))
                .register(ControlRelayHandler.bell(deps.control(), deps.requestTimeout()))
                .register(ControlRelayHandler.clientRecord(deps.control(), deps.requestTimeout()))
                .register(ControlRelayHandler.configAudio(deps.control(), deps.requestTimeout()))
                .register(ControlRelayHandler.configVideo(deps.control(), deps.requestTimeout()))
                .register(ControlRelayHandler.photograph(deps.control(), deps.requestTimeout()))
                .register(ControlRelayHandler.wakeup(deps.control(), deps.requestTimeout()));
    }
}
