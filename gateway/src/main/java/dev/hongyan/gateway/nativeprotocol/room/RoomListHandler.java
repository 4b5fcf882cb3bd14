package dev.hongyan.gateway.nativeprotocol.room;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hongyan.core.room.RoomService;
import dev.hongyan.gateway.nativeprotocol.Access;
import dev.hongyan.gateway.nativeprotocol.SignalContext;
import dev.hongyan.gateway.nativeprotocol.SignalHandler;
import dev.hongyan.gateway.nativeprotocol.SignalSpec;

/** room::list: every open room, without secrets. */
public final class RoomListHandler implements SignalHandler<ObjectNode> {

    private static final SignalSpec<ObjectNode> SPEC = new SignalSpec<>("room::list", ObjectNode.class, Access.CLIENT,
            "Lists the open rooms.",
            "{}  (the spec shows a roomId here; it is ignored)",
            "[\n" + RoomCreateHandler.ROOM_INFO.indent(4).stripTrailing() + ",\n    ...\n]",
            "terminal=>server",
            """
            Any registered terminal may list. The spec shows each room's "passowrd": the server never sends a
            room's password or its hash to anyone; passwordProtected says whether one is needed.""");

    private final RoomService rooms;

    public RoomListHandler(RoomService rooms) {
        this.rooms = rooms;
    }

    @Override
    public SignalSpec<ObjectNode> spec() {
        return SPEC;
    }

    @Override
    public void handle(SignalContext context, ObjectNode body) {
        context.reply(rooms.list());
    }
}
