package dev.hongyan.gateway.nativeprotocol.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** client::config: pushed after register; a client may also ask again (to refresh TURN credentials). */
public final class ClientConfigHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("client::config", ObjectNode.class, Access.CLIENT,
            "The terminal's configuration: media presets, WebRTC iceServers, server time.",
            "{}",
            """
            {
                "media"   : {media presets from the server's configuration},
                "webrtc"  : {"iceServers": [{"urls": [...]}, {"urls": [...], "username": "expiry:clientId", "credential": "...", "ttl": seconds}]},
                "datetime": "yyyyMMddHHmmss"
            }""",
            """
            terminal=[client::register]>server-[client::config]>terminal
            terminal=>server""",
            "TURN credentials follow the TURN REST API: username <unix expiry>:<clientId>, "
                    + "credential base64(HMAC-SHA1(turn secret, username)); valid for webrtc.turn.ttlSeconds.");

    private final ClientConfigFactory configFactory;

    public ClientConfigHandler(ClientConfigFactory configFactory) {
        this.configFactory = configFactory;
    }

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        context.reply(configFactory.configFor(context.client()));
    }
}
